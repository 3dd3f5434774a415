package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.sessions.OpenSessionRequest;
import com.lakesail.sdk.sessions.Session;
import com.lakesail.sdk.sessions.SessionHandle;
import com.lakesail.sdk.sessions.SessionService;
import com.lakesail.sdk.sessions.SessionToken;
import com.lakesail.sdk.sessions.Statement;
import com.lakesail.sdk.sessions.StatementHandle;
import com.lakesail.sdk.sessions.StatementRequest;
import java.time.Duration;

final class DefaultSessionService implements SessionService {
    private static final String SESSIONS = "sessions";
    private static final String STATEMENTS = "statements";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultSessionService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public SessionHandle open(OpenSessionRequest request) {
        Object body = JsonBody.of("clusterId", request.clusterId(), "catalogIds",
                request.catalogIds().isEmpty() ? null : request.catalogIds(), "idleTimeoutMinutes",
                request.idleTimeoutMinutes(), "compute", request.compute());
        Session session = rest.send(ApiRequest.create(paths.of(SESSIONS), body, request.idempotencyKey()), Session.class);
        return SessionHandle.of(session, this);
    }

    @Override
    public Session get(String sessionId) {
        return rest.send(ApiRequest.get(paths.of(SESSIONS, sessionId)), Session.class);
    }

    @Override
    public Paginated<Session> list(String memberId) {
        return rest.paginate(ApiRequest.get(paths.of(SESSIONS)).withQuery("memberId", memberId), Session.class);
    }

    @Override
    public Session close(String sessionId) {
        return rest.send(ApiRequest.post(paths.of(SESSIONS, sessionId, "close"), null), Session.class);
    }

    @Override
    public SessionToken token(String sessionId, Duration lifetime) {
        Object body = lifetime == null ? null : JsonBody.of("expiresInMinutes", lifetime.toMinutes());
        return rest.send(ApiRequest.create(paths.of(SESSIONS, sessionId, "tokens"), body, null), SessionToken.class);
    }

    @Override
    public StatementHandle submit(String sessionId, StatementRequest request, int waitSeconds) {
        Object body = JsonBody.of("sql", request.sql(), "queryId", request.queryId(), "parameters",
                request.parameters().isEmpty() ? null : request.parameters(), "waitSeconds", waitSeconds,
                "limit", request.pageSize());
        Statement statement = rest.send(ApiRequest.create(paths.of(SESSIONS, sessionId, STATEMENTS), body,
                request.idempotencyKey()), Statement.class);
        return StatementHandle.of(statement, request.pageSize(), this);
    }

    @Override
    public Statement statement(String statementId, String nextToken, Integer pageSize, int waitSeconds) {
        return rest.send(ApiRequest.get(paths.of(STATEMENTS, statementId)).withQuery("nextToken", nextToken)
                .withQuery("limit", pageSize).withQuery("waitSeconds", waitSeconds == 0 ? null : waitSeconds),
                Statement.class);
    }

    @Override
    public Statement cancel(String statementId) {
        return rest.send(ApiRequest.post(paths.of(STATEMENTS, statementId, "cancel"), null), Statement.class);
    }
}
