package com.lakesail.backend.api;

import com.lakesail.backend.service.IdentityService;
import com.lakesail.backend.service.OrganizationService;
import javax.inject.Inject;

/** The route table of REST API v1: each route parses its input and calls one service operation. */
public final class Routes {
    private final IdentityService identity;
    private final OrganizationService organizations;

    @Inject
    public Routes(IdentityService identity, OrganizationService organizations) {
        this.identity = identity;
        this.organizations = organizations;
    }

    public Router router() {
        return new Router()
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
                .add(Route.get("/v1/orgs/{orgId}", call -> organizations.get(call.principal(), call.path("orgId"))))
                .add(Route.patch("/v1/orgs/{orgId}", this::updateOrganization));
    }

    private Object signup(Call call) {
        Body body = call.body();
        IdentityService.Signup request = new IdentityService.Signup(
                body.string("email"), body.string("name"), body.string("organizationName"));
        body.done();
        return identity.signup(request, call.idempotency());
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
