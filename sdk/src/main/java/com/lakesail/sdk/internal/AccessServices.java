package com.lakesail.sdk.internal;

import com.lakesail.sdk.access.AccessService;
import com.lakesail.sdk.access.AuditEventService;
import com.lakesail.sdk.access.InvitationService;
import com.lakesail.sdk.access.MemberService;
import com.lakesail.sdk.access.RoleBindingService;
import com.lakesail.sdk.access.RoleService;
import com.lakesail.sdk.access.TeamService;

/** The identity-and-access services of one client, acting in its organization. */
record AccessServices(MemberService members, InvitationService invitations, TeamService teams, RoleService roles,
                      RoleBindingService roleBindings, AuditEventService auditEvents, AccessService access) {

    AccessServices(RestClient rest, String organizationId) {
        this(rest, new OrgPath(organizationId));
    }

    private AccessServices(RestClient rest, OrgPath org) {
        this(new DefaultMemberService(rest, org), new DefaultInvitationService(rest, org), new DefaultTeamService(rest, org),
                new DefaultRoleService(rest, org), new DefaultRoleBindingService(rest, org), new DefaultAuditEventService(rest, org),
                new DefaultAccessService(rest, org));
    }
}
