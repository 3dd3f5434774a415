package com.lakesail.sdk.sessions;

import com.lakesail.sdk.Paginated;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sessions and their statements: {@code /v1/orgs/{orgId}/sessions} and {@code .../statements}, in
 * the client's organization. Obtain it from {@code LakeSail.sessions()}; implement it to fake the
 * service in a test. {@link SessionHandle} is the convenient way in.
 *
 * <pre>{@code
 * SessionHandle session = lakesail.sessions().open(r -> r.clusterId(cluster.id()).catalogIds(lake.id())
 *     .idleTimeoutMinutes(30)).waitUntilReady(Duration.ofMinutes(3));
 * for (Session s : lakesail.sessions().list()) { ... }        // the caller's own sessions, lazy pages
 * }</pre>
 */
public interface SessionService {

    /** Opens a session ({@code pending}); wait on the handle until it is ready. */
    SessionHandle open(OpenSessionRequest request);

    default SessionHandle open(Consumer<OpenSessionRequest.Builder> request) {
        OpenSessionRequest.Builder builder = OpenSessionRequest.builder();
        request.accept(builder);
        return open(builder.build());
    }

    Session get(String sessionId);

    /** The caller's sessions, or (with {@code sessions:read}) member {@code memberId}'s when not null. */
    Paginated<Session> list(String memberId);

    default Paginated<Session> list() {
        return list(null);
    }

    /** Asks the session to close: its statements end and its Sail stops; it ends {@code closed}. */
    Session close(String sessionId);

    /**
     * A token for the caller on their session and the connection string that carries it, valid for
     * {@code lifetime} (at most 12 h; null: 1 h).
     */
    SessionToken token(String sessionId, Duration lifetime);

    /**
     * Sends a statement and waits up to {@code waitSeconds} (0 to 20, and 5 s less than the client's
     * request timeout) for its end, so a quick statement comes back done in one round trip.
     */
    StatementHandle submit(String sessionId, StatementRequest request, int waitSeconds);

    /**
     * The statement, with one result page once it succeeded: the page {@code nextToken} names (null:
     * the first) of up to {@code pageSize} rows (null: the default), after waiting up to
     * {@code waitSeconds} (0 to 20, and 5 s less than the client's request timeout) for its end when
     * it has not ended.
     */
    Statement statement(String statementId, String nextToken, Integer pageSize, int waitSeconds);

    /** Asks the engine to interrupt the statement. */
    Statement cancel(String statementId);

    /** A handle on an existing session. */
    default SessionHandle handle(String sessionId) {
        return SessionHandle.of(get(sessionId), this);
    }
}
