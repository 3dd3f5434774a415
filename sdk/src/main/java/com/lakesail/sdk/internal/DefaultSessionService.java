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

    /** Room left between a held read's end and the client's request timeout. */
    private static final int TIMEOUT_MARGIN_SECONDS = 5;

    private final RestClient rest;
    private final OrgPath paths;
    /** The longest a read may ask the service to hold it: within the request timeout, else the read itself times out. */
    private final int longestWaitSeconds;

    DefaultSessionService(RestClient rest, OrgPath paths, Duration requestTimeout) {
        this.rest = rest;
        this.paths = paths;
        // At least a second, so a waiter with a very short request timeout still pauses between reads.
        this.longestWaitSeconds = (int) Math.max(1, requestTimeout.toSeconds() - TIMEOUT_MARGIN_SECONDS);
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
                request.parameters().isEmpty() ? null : request.parameters(), "waitSeconds", held(waitSeconds),
                "limit", request.pageSize());
        Statement statement = rest.send(ApiRequest.create(paths.of(SESSIONS, sessionId, STATEMENTS), body,
                request.idempotencyKey()), Statement.class);
        return StatementHandle.of(statement, request.pageSize(), this);
    }

    @Override
    public Statement statement(String statementId, String nextToken, Integer pageSize, int waitSeconds) {
        return rest.send(ApiRequest.get(paths.of(STATEMENTS, statementId)).withQuery("nextToken", nextToken)
                .withQuery("limit", pageSize).withQuery("waitSeconds", held(waitSeconds) == 0 ? null : held(waitSeconds)),
                Statement.class);
    }

    private int held(int waitSeconds) {
        return Math.min(waitSeconds, longestWaitSeconds);
    }

    @Override
    public Statement cancel(String statementId) {
        return rest.send(ApiRequest.post(paths.of(STATEMENTS, statementId, "cancel"), null), Statement.class);
    }
}
