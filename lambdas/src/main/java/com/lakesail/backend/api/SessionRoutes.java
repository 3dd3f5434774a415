package com.lakesail.backend.api;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.service.session.SessionService;
import com.lakesail.backend.service.session.StatementService;
import javax.inject.Inject;

/**
 * The routes of sessions, their tokens and statements (permissions in the catalogue,
 * {@link com.lakesail.backend.domain.Permission}), and the session gates' public keys. Bodies are
 * strict and read after the caller is admitted, so another tenant's ids answer 404 whatever the body.
 */
public final class SessionRoutes implements RouteGroup {
    public static final String JWKS = "/v1/.well-known/jwks.json";
    private static final String ORG = "/v1/orgs/{orgId}";

    private final SessionService sessions;
    private final StatementService statements;

    @Inject
    public SessionRoutes(SessionService sessions, StatementService statements) {
        this.sessions = sessions;
        this.statements = statements;
    }

    @Override
    public void addTo(Router router) {
        String one = ORG + "/sessions/{sessionId}";
        router.add(Route.get(JWKS, call -> sessions.jwks()).unauthenticated())
                .add(Route.create(ORG + "/sessions", call -> sessions.create(call.principal(), call.path("orgId"), () -> {
                    Body body = call.body();
                    Session.Input request = new Session.Input(body.string("clusterId"), body.strings("catalogIds"),
                            body.int32("idleTimeoutMinutes"), JobRoutes.compute(body.object("compute")));
                    body.done();
                    return request;
                }, call.idempotency())))
                .add(Route.get(ORG + "/sessions", call -> sessions.list(call.principal(), call.path("orgId"),
                        call.query("memberId"), call.page())))
                .add(Route.get(one, call -> sessions.get(call.principal(), call.path("orgId"), call.path("sessionId"))))
                .add(post(one + "/close", call -> new Accepted(sessions.close(call.principal(), call.path("orgId"),
                        call.path("sessionId")))))
                .add(Route.create(one + "/tokens", call -> sessions.issueToken(call.principal(), call.path("orgId"),
                        call.path("sessionId"), () -> {
                            // A token with the default lifetime may be asked for without a body.
                            if (call.rawBody() == null || call.rawBody().isBlank()) {
                                return null;
                            }
                            Body body = call.body();
                            Integer minutes = body.int32("expiresInMinutes");
                            body.done();
                            return minutes;
                        }, call.idempotency())))
                .add(Route.create(one + "/statements", call -> statements.submit(call.principal(), call.path("orgId"),
                        call.path("sessionId"), () -> {
                            Body body = call.body();
                            StatementService.Submit request = new StatementService.Submit(body.string("sql"),
                                    body.string("queryId"), body.scalarMap("parameters"), body.int32("waitSeconds"),
                                    body.int32("limit"));
                            body.done();
                            return request;
                        }, call.idempotency())))
                .add(Route.get(ORG + "/statements/{statementId}", call -> statements.get(call.principal(),
                        call.path("orgId"), call.path("statementId"), call.query("nextToken"), integer(call, "limit"),
                        integer(call, "waitSeconds"))))
                .add(post(ORG + "/statements/{statementId}/cancel", call -> new Accepted(statements.cancel(call.principal(),
                        call.path("orgId"), call.path("statementId")))));
    }

    private static Route post(String template, Route.Operation op) {
        return new Route("POST", template, true, false, op);
    }

    private static Integer integer(Call call, String field) {
        String text = call.query(field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw ValidationException.of(field, "must be an integer");
        }
    }
}
