package com.lakesail.backend.api;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.service.AccessService;
import com.lakesail.backend.service.AuditService;
import com.lakesail.backend.service.IdentityService;
import com.lakesail.backend.service.InvitationService;
import com.lakesail.backend.service.MemberService;
import com.lakesail.backend.service.OrganizationService;
import com.lakesail.backend.service.RoleBindingService;
import com.lakesail.backend.service.RoleService;
import com.lakesail.backend.service.TeamService;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.inject.Inject;

/**
 * The route table of REST API v1: each route parses its input and calls one service operation. Every
 * tenant route's permission is in the catalogue ({@link com.lakesail.backend.domain.Permission}).
 */
public final class Routes {
    private static final String ORG = "/v1/orgs/{orgId}";

    private final IdentityService identity;
    private final OrganizationService organizations;
    private final MemberService members;
    private final InvitationService invitations;
    private final TeamService teams;
    private final RoleService roles;
    private final RoleBindingService bindings;
    private final AuditService audit;
    private final AccessService access;

    @Inject
    public Routes(IdentityService identity, OrganizationService organizations, MemberService members,
                  InvitationService invitations, TeamService teams, RoleService roles, RoleBindingService bindings,
                  AuditService audit, AccessService access) {
        this.identity = identity;
        this.organizations = organizations;
        this.members = members;
        this.invitations = invitations;
        this.teams = teams;
        this.roles = roles;
        this.bindings = bindings;
        this.audit = audit;
        this.access = access;
    }

    public Router router() {
        Router router = new Router()
                .add(Route.get(OpenApiDocument.PATH, call -> new OpenApiDocument.JsonText(OpenApiDocument.text())).unauthenticated())
                .add(Route.create("/v1/signup", this::signup).unauthenticated())
                .add(Route.get("/v1/me", call -> identity.me(call.principal())))
                .add(Route.create("/v1/me/tokens", this::createToken))
                .add(Route.get("/v1/me/tokens", call -> identity.listTokens(call.principal(), call.page())))
                .add(Route.delete("/v1/me/tokens/{tokenId}", call -> {
                    identity.revokeToken(call.principal(), call.path("tokenId"));
                    return null;
                }))
                .add(Route.create("/v1/orgs", this::createOrganization))
                .add(Route.get("/v1/orgs", call -> organizations.list(call.principal(), call.page())))
                .add(Route.get(ORG, call -> organizations.get(call.principal(), call.path("orgId"))))
                .add(Route.patch(ORG, this::updateOrganization))
                .add(Route.get(ORG + "/audit-events", this::auditEvents))
                .add(Route.get(ORG + "/access/who-can", call -> access.whoCan(call.principal(), call.path("orgId"),
                        call.query("action"), call.query("resource"))));
        members(router);
        invitations(router);
        teams(router);
        roles(router);
        return router;
    }

    private void members(Router router) {
        router.add(Route.get(ORG + "/members", call -> members.list(call.principal(), call.path("orgId"), call.page())))
                .add(Route.get(ORG + "/members/{memberId}", call -> members.get(call.principal(), call.path("orgId"),
                        call.path("memberId"))))
                .add(Route.delete(ORG + "/members/{memberId}", call -> {
                    members.remove(call.principal(), call.path("orgId"), call.path("memberId"));
                    return null;
                }));
    }

    private void invitations(Router router) {
        router.add(Route.create(ORG + "/invitations", call -> {
                    Body body = call.body();
                    InvitationService.Create request = new InvitationService.Create(body.string("email"),
                            body.strings("roleIds"), body.strings("teamIds"), body.int32("expiresInDays"));
                    body.done();
                    return invitations.create(call.principal(), call.path("orgId"), request, call.idempotency());
                }))
                .add(Route.get(ORG + "/invitations", call -> invitations.list(call.principal(), call.path("orgId"), call.page())))
                .add(Route.get(ORG + "/invitations/{invitationId}", call -> invitations.get(call.principal(), call.path("orgId"),
                        call.path("invitationId"))))
                .add(Route.delete(ORG + "/invitations/{invitationId}", call -> {
                    invitations.revoke(call.principal(), call.path("orgId"), call.path("invitationId"));
                    return null;
                }))
                .add(new Route("POST", "/v1/invitations/accept", true, false, call -> {
                    Body body = call.body();
                    String token = body.string("token");
                    body.done();
                    return invitations.accept(call.principal(), token);
                }));
    }

    private void teams(Router router) {
        String team = ORG + "/teams/{teamId}";
        router.add(Route.create(ORG + "/teams", call -> {
                    Body body = call.body();
                    String name = body.string("name");
                    body.done();
                    return teams.create(call.principal(), call.path("orgId"), name, call.idempotency());
                }))
                .add(Route.get(ORG + "/teams", call -> teams.list(call.principal(), call.path("orgId"), call.page())))
                .add(Route.get(team, call -> teams.get(call.principal(), call.path("orgId"), call.path("teamId"))))
                .add(Route.patch(team, call -> {
                    Body body = call.body();
                    TeamService.Update update = new TeamService.Update(body.string("name"), body.int64("version"));
                    body.done();
                    return teams.update(call.principal(), call.path("orgId"), call.path("teamId"), update);
                }))
                .add(Route.delete(team, call -> {
                    teams.delete(call.principal(), call.path("orgId"), call.path("teamId"));
                    return null;
                }))
                .add(new Route("PUT", team + "/members/{memberId}", true, false, call ->
                        teams.addMember(call.principal(), call.path("orgId"), call.path("teamId"), call.path("memberId"))))
                .add(Route.delete(team + "/members/{memberId}", call -> {
                    teams.removeMember(call.principal(), call.path("orgId"), call.path("teamId"), call.path("memberId"));
                    return null;
                }));
    }

    private void roles(Router router) {
        router.add(Route.create(ORG + "/roles", call -> {
                    Body body = call.body();
                    RoleService.Create request = new RoleService.Create(body.string("name"), body.string("description"),
                            body.strings("permissions"));
                    body.done();
                    return roles.create(call.principal(), call.path("orgId"), request, call.idempotency());
                }))
                .add(Route.get(ORG + "/roles", call -> roles.list(call.principal(), call.path("orgId"), call.page())))
                .add(Route.get(ORG + "/roles/{roleId}", call -> roles.get(call.principal(), call.path("orgId"), call.path("roleId"))))
                .add(Route.patch(ORG + "/roles/{roleId}", call -> {
                    Body body = call.body();
                    RoleService.Update update = new RoleService.Update(body.string("name"), body.string("description"),
                            body.strings("permissions"), body.int64("version"));
                    body.done();
                    return roles.update(call.principal(), call.path("orgId"), call.path("roleId"), update);
                }))
                .add(Route.delete(ORG + "/roles/{roleId}", call -> {
                    roles.delete(call.principal(), call.path("orgId"), call.path("roleId"));
                    return null;
                }))
                .add(Route.create(ORG + "/role-bindings", call -> {
                    Body body = call.body();
                    String roleId = body.string("roleId");
                    Body subject = body.object("subject");
                    String type = subject == null ? null : subject.string("type");
                    String id = subject == null ? null : subject.string("id");
                    String scope = body.string("scope");
                    body.done();
                    return bindings.create(call.principal(), call.path("orgId"),
                            new RoleBindingService.Create(roleId, type, id, scope), call.idempotency());
                }))
                .add(Route.get(ORG + "/role-bindings", call -> bindings.list(call.principal(), call.path("orgId"), call.page())))
                .add(Route.get(ORG + "/role-bindings/{bindingId}", call -> bindings.get(call.principal(), call.path("orgId"),
                        call.path("bindingId"))))
                .add(Route.delete(ORG + "/role-bindings/{bindingId}", call -> {
                    bindings.delete(call.principal(), call.path("orgId"), call.path("bindingId"));
                    return null;
                }));
    }

    private Object auditEvents(Call call) {
        AuditService.Filter filter = new AuditService.Filter(call.query("actorId"), call.query("targetId"),
                instant(call, "from"), instant(call, "to"));
        return audit.list(call.principal(), call.path("orgId"), filter, call.page());
    }

    private static Instant instant(Call call, String name) {
        String value = call.query(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(name, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private Object signup(Call call) {
        Body body = call.body();
        IdentityService.Signup request = new IdentityService.Signup(
                body.string("email"), body.string("name"), body.string("organizationName"));
        body.done();
        return identity.signup(request, call.idempotency(), call.requestId());
    }

    private Object createToken(Call call) {
        Body body = call.body();
        String name = body.string("name");
        Integer expiresInDays = body.int32("expiresInDays");
        body.done();
        return identity.createToken(call.principal(), name, expiresInDays, call.idempotency());
    }

    private Object createOrganization(Call call) {
        Body body = call.body();
        String name = body.string("name");
        body.done();
        return organizations.create(call.principal(), name, call.idempotency());
    }

    private Object updateOrganization(Call call) {
        Body body = call.body();
        OrganizationService.Update update = new OrganizationService.Update(body.string("name"), body.int64("version"));
        body.done();
        return organizations.update(call.principal(), call.path("orgId"), update);
    }
}
