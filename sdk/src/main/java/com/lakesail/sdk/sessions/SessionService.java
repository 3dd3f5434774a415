package com.lakesail.sdk.sessions;

import com.lakesail.sdk.Paginated;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sessions and their statements: {@code /v1/orgs/{orgId}/sessions} and {@code .../statements}, in
 * the client's organization. Obtain it from {@code LakeSail.sessions()}; implement it to fake the
 * service in a test. {@link SessionHandle} and {@link StatementHandle} are the convenient way in.
 *
 * <pre>{@code
 * SessionHandle session = lakesail.sessions().open(r -> r.clusterId(cluster.id()).catalogIds(lake.id()));
 * session.waitUntilActive(Duration.ofMinutes(5));
 * List<Row> rows = session.sql("SELECT 1 AS one").waitForResult().toList();
 * session.close();
 * }</pre>
 */
public interface SessionService {

    /** The longest a single read may ask the service to hold it for a statement's end. */
    Duration MAX_STATEMENT_WAIT = Duration.ofSeconds(20);

    /** Opens a session; it starts {@code pending}: wait on the handle until it is active. */
    SessionHandle open(OpenSessionRequest request);

    default SessionHandle open(Consumer<OpenSessionRequest.Builder> request) {
        OpenSessionRequest.Builder builder = OpenSessionRequest.builder();
        request.accept(builder);
        return open(builder.build());
    }

    Session get(String sessionId);

    Paginated<Session> list(ListSessionsRequest request);

    default Paginated<Session> list(Consumer<ListSessionsRequest.Builder> request) {
        ListSessionsRequest.Builder builder = ListSessionsRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<Session> list() {
        return list(ListSessionsRequest.builder().build());
    }

    /** Asks the session to close; it ends {@code closed} once its engine is freed. */
    Session close(String sessionId);

    /**
     * A token for Spark Connect clients, scoped to this session and the caller.
     *
     * @param lifetime whole minutes, at most 12 hours; null for the service's default (1 hour)
     */
    SessionToken token(String sessionId, Duration lifetime);

    /** Sends a statement; the answer holds its result at once when it ended within the request's wait. */
    StatementHandle execute(String sessionId, StatementRequest request);

    default StatementHandle execute(String sessionId, Consumer<StatementRequest.Builder> request) {
        StatementRequest.Builder builder = StatementRequest.builder();
        request.accept(builder);
        return execute(sessionId, builder.build());
    }

    /** The statement now, with the first page of its result once it succeeded. */
    default Statement statement(String statementId) {
        return statement(statementId, null, null);
    }

    /**
     * The statement with one page of its result.
     *
     * @param nextToken the page after this token (from {@link Statement.Result#nextToken()}); null for the first
     * @param limit the page's rows at most; null for the service's default
     */
    Statement statement(String statementId, String nextToken, Integer limit);

    /**
     * The statement once it ended, or as it is after {@code maxWait} (capped at
     * {@link #MAX_STATEMENT_WAIT} and below the client's request timeout): the service holds the read.
     */
    Statement awaitStatement(String statementId, Duration maxWait);

    /** Asks the engine to interrupt the statement; it ends {@code cancelled} unless it ended first. */
    Statement cancelStatement(String statementId);

    /** A handle on an existing session. */
    default SessionHandle handle(String sessionId) {
        return SessionHandle.of(sessionId, this);
    }

    /** A handle on an existing statement, to wait for its result. */
    default StatementHandle statementHandle(String statementId) {
        return StatementHandle.of(statementId, this);
    }
}
