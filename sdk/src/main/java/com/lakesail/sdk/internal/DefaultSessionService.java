package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.sessions.ListSessionsRequest;
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
    private static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(5);

    private final RestClient rest;
    private final OrgPath paths;
    private final Duration longestWait;

    DefaultSessionService(RestClient rest, OrgPath paths, Duration requestTimeout) {
        this.rest = rest;
        this.paths = paths;
        Duration belowTimeout = requestTimeout.minus(TIMEOUT_MARGIN);
        this.longestWait = belowTimeout.compareTo(MAX_STATEMENT_WAIT) < 0 ? belowTimeout : MAX_STATEMENT_WAIT;
    }

    @Override
    public SessionHandle open(OpenSessionRequest request) {
        Object body = JsonBody.of("clusterId", request.clusterId(), "catalogIds", request.catalogIds(),
                "idleTimeoutMinutes", request.idleTimeoutMinutes(), "compute", request.compute());
        Session session = rest.send(ApiRequest.create(paths.of(SESSIONS), body, request.idempotencyKey()), Session.class);
        return SessionHandle.of(session, this);
    }

    @Override
    public Session get(String sessionId) {
        return rest.send(ApiRequest.get(paths.of(SESSIONS, sessionId)), Session.class);
    }

    @Override
    public Paginated<Session> list(ListSessionsRequest request) {
        return rest.paginate(ApiRequest.get(paths.of(SESSIONS)).withQuery("memberId", request.memberId())
                .withQuery("limit", request.limit()), Session.class);
    }

    @Override
    public Session close(String sessionId) {
        return rest.send(ApiRequest.post(paths.of(SESSIONS, sessionId, "close"), null), Session.class);
    }

    @Override
    public SessionToken token(String sessionId, Duration lifetime) {
        Object body = lifetime == null ? null : JsonBody.of("expiresInMinutes", Math.toIntExact(lifetime.toMinutes()));
        return rest.send(ApiRequest.create(paths.of(SESSIONS, sessionId, "tokens"), body, null), SessionToken.class);
    }

    @Override
    public StatementHandle execute(String sessionId, StatementRequest request) {
        Object body = JsonBody.of("sql", request.sql(), "queryId", request.queryId(), "parameters",
                request.parameters().isEmpty() ? null : request.parameters(), "waitSeconds", request.waitSeconds(),
                "limit", request.limit());
        Statement statement = rest.send(ApiRequest.create(paths.of(SESSIONS, sessionId, STATEMENTS), body,
                request.idempotencyKey()), Statement.class);
        return StatementHandle.of(statement, this);
    }

    @Override
    public Statement statement(String statementId, String nextToken, Integer limit) {
        return rest.send(ApiRequest.get(paths.of(STATEMENTS, statementId)).withQuery("nextToken", nextToken)
                .withQuery("limit", limit), Statement.class);
    }

    @Override
    public Statement awaitStatement(String statementId, Duration maxWait) {
        Duration wait = maxWait.compareTo(longestWait) < 0 ? maxWait : longestWait;
        // Whole seconds, at least one: a zero wait would turn the caller's loop into a busy poll.
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return rest.send(ApiRequest.get(paths.of(STATEMENTS, statementId)).withQuery("waitSeconds", (int) seconds),
                Statement.class);
    }

    @Override
    public Statement cancelStatement(String statementId) {
        return rest.send(ApiRequest.post(paths.of(STATEMENTS, statementId, "cancel"), null), Statement.class);
    }
}
