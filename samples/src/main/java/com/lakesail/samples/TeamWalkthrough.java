package com.lakesail.samples;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.access.AccessHolder;
import com.lakesail.sdk.access.AuditEvent;
import com.lakesail.sdk.access.CreatedInvitation;
import com.lakesail.sdk.access.Member;
import com.lakesail.sdk.access.Subject;
import com.lakesail.sdk.access.Team;
import com.lakesail.sdk.exception.AccessDeniedException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.identity.SignupResult;
import java.net.URI;
import java.util.List;

/**
 * The walkthrough's second act: the organization's owner invites a second user into a team; the
 * user signs up, accepts, and is allowed or refused according to the roles of its team. Names carry
 * a run suffix, since the local data directory keeps what earlier runs made.
 */
final class TeamWalkthrough {
    private TeamWalkthrough() {
    }

    /** @param owner a client acting in an organization as its owner */
    static void run(LakeSail owner, URI endpoint) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String email = "analyst-" + run + "@example.com";

        step("Create a team and invite a second user into it, as an analyst");
        Team analysts = owner.teams().create(r -> r.name("analysts-" + run));
        CreatedInvitation invitation = owner.invitations()
                .create(r -> r.email(email).roleIds(List.of("analyst")).teamIds(List.of(analysts.id())));
        System.out.printf("  invited %s to %s, expires %s; the token goes to the invitee only%n",
                email, analysts.name(), invitation.invitation().expiresAt());

        step("The second user signs up and accepts");
        SignupResult signup = LakeSail.signup(endpoint, r -> r.email(email).name("Ana Lyst").organizationName("ana-" + run));
        String orgId = owner.organizationId().orElseThrow();
        try (LakeSail analyst = LakeSail.builder().endpoint(endpoint).token(signup.token().secret()).organization(orgId).build()) {
            Member member = analyst.invitations().accept(invitation.token());
            System.out.printf("  %s joined as %s with roles %s%n", member.email(), member.id(), member.roles());

            step("Allowed: an analyst reads the teams");
            analyst.teams().list().forEach(t -> System.out.printf("  team %-24s %d member(s)%n", t.name(), t.memberIds().size()));

            step("Refused, as it should be: an analyst cannot create teams or grant itself more");
            try {
                analyst.teams().create(r -> r.name("shadow-" + run));
            } catch (AccessDeniedException e) {
                System.out.printf("  refused as expected, %s: %s%n", e.code(), e.errorMessage());
            }
            try {
                analyst.roleBindings().create(r -> r.roleId("admin").subject(Subject.member(member.id())));
            } catch (AccessDeniedException e) {
                System.out.printf("  refused as expected, %s: %s%n", e.code(), e.errorMessage());
            }

            step("The owner makes the team infra admins; who may create clusters now, and why?");
            owner.roleBindings().create(r -> r.roleId("infra-admin").subject(Subject.team(analysts.id())));
            for (AccessHolder holder : owner.access().whoCan("clusters:create", null).members()) {
                holder.paths().forEach(p -> System.out.printf("  %-36s %s%n", holder.email(), p.description()));
            }

            step("The audit log (newest first)");
            owner.auditEvents().list(r -> r.limit(10)).stream().limit(6).forEach(TeamWalkthrough::print);

            step("The owner removes the member: its token stops working in this organization at once");
            owner.members().remove(member.id());
            try {
                analyst.organizations().get();
            } catch (ResourceNotFoundException e) {
                System.out.printf("  refused as expected, the organization is unknown to it now: %s: %s%n", e.code(), e.errorMessage());
            }
        }
    }

    private static void print(AuditEvent e) {
        System.out.printf("  %s  %-22s %-8s %s%n", e.time(), e.action(), e.outcome().name().toLowerCase(), e.targetId());
    }

    private static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
