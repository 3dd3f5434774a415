package com.lakesail.sdk.sessions;

import com.lakesail.sdk.waiter.ResourceFailedException;
import com.lakesail.sdk.waiter.Waiter;
import com.lakesail.sdk.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A session that was just opened (or looked up), with the means to wait until it is ready and to
 * run statements in it. Waits read the session right away and then after pauses of 1 s growing to
 * 5 s; the state-change callback sees the session each time its status moved, starting with the
 * first read.
 *
 * <pre>{@code
 * SessionHandle session = lakesail.sessions().open(r -> r.clusterId(cluster.id()).catalogIds(lake.id()));
 * session.waitUntilActive(Duration.ofMinutes(5), s -> System.out.println(s.status()));
 * session.sql("CREATE TEMPORARY VIEW big AS SELECT * FROM lake.sales WHERE amount > 100").waitForResult();
 * for (Row row : session.sql("SELECT count(*) AS n FROM big").waitForResult()) {
 *     System.out.println(row.getLong("n"));
 * }
 * String remote = session.token().connectionString();   // sc://host:port/;token=... for Spark Connect
 * session.close();
 * }</pre>
 */
public final class SessionHandle {
    private final String id;
    private final Session session;
    private final SessionService sessions;

    private SessionHandle(String id, Session session, SessionService sessions) {
        this.id = Objects.requireNonNull(id, "id");
        this.session = session;
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** A handle on {@code session} as a call returned it; also the way to fake a handle in a test. */
    public static SessionHandle of(Session session, SessionService sessions) {
        return new SessionHandle(session.id(), session, sessions);
    }

    /** A handle on the session {@code sessionId}, read when first needed. */
    public static SessionHandle of(String sessionId, SessionService sessions) {
        return new SessionHandle(sessionId, null, sessions);
    }

    public String id() {
        return id;
    }

    /** The session as the call that made this handle returned it, or as read now when there was none. */
    public Session session() {
        return session != null ? session : sessions.get(id);
    }

    /**
     * Waits until the session is ready for statements ({@code active} or {@code idle}).
     *
     * @throws ResourceFailedException at once when it closed or failed instead, with the reason
     * @throws WaiterTimeoutException when it is still pending at the timeout
     */
    public Session waitUntilActive(Duration timeout) {
        return waitUntilActive(w -> w.timeout(timeout));
    }

    /** {@link #waitUntilActive(Duration)}, telling {@code onStateChange} of every status it was seen in. */
    public Session waitUntilActive(Duration timeout, Consumer<? super Session> onStateChange) {
        return waitUntilActive(w -> w.timeout(timeout).onProgress(changes(onStateChange)));
    }

    /** Waits with a waiter {@code waiter} may reconfigure (timeout, pauses, callbacks, clock, sleeper). */
    public Session waitUntilActive(Consumer<Waiter.Builder<Session>> waiter) {
        return untilActive(waiter).waitFor(() -> sessions.get(id));
    }

    /** {@link #waitUntilActive(Duration, Consumer)} on another thread; cancelling the future stops the polling. */
    public CompletableFuture<Session> waitUntilActiveAsync(Duration timeout, Consumer<? super Session> onStateChange) {
        return untilActive(w -> w.timeout(timeout).onProgress(changes(onStateChange))).waitForAsync(() -> sessions.get(id));
    }

    /** Runs {@code sql} in the session. */
    public StatementHandle sql(String sql) {
        return execute(StatementRequest.builder().sql(sql).build());
    }

    /** Runs {@code sql} with values for its named parameters ({@code :day}). */
    public StatementHandle sql(String sql, Map<String, ?> parameters) {
        return execute(StatementRequest.builder().sql(sql).parameters(parameters).build());
    }

    /** Runs the saved query {@code queryId} with values for its declared parameters. */
    public StatementHandle query(String queryId, Map<String, ?> parameters) {
        return execute(StatementRequest.builder().queryId(queryId).parameters(parameters).build());
    }

    /** Runs a statement with every option of {@link StatementRequest}. */
    public StatementHandle execute(StatementRequest request) {
        return sessions.execute(id, request);
    }

    /** A token for Spark Connect clients with the service's default lifetime (1 hour). */
    public SessionToken token() {
        return sessions.token(id, null);
    }

    /** A token for Spark Connect clients valid for {@code lifetime} (whole minutes, at most 12 hours). */
    public SessionToken token(Duration lifetime) {
        return sessions.token(id, lifetime);
    }

    /** Asks the session to close: running statements are stopped and its engine is freed. */
    public Session close() {
        return sessions.close(id);
    }

    private static Waiter<Session> untilActive(Consumer<Waiter.Builder<Session>> customizer) {
        Waiter.Builder<Session> builder = Waiter.<Session>builder().initialDelay(Duration.ofSeconds(1))
                .maxDelay(Duration.ofSeconds(5)).multiplier(1.5)
                .successWhen(Session::isTerminalSuccess)
                .failureWhen(Session::isTerminalFailure);
        customizer.accept(builder);
        return builder.build();
    }

    /**
     * A waiter callback that passes a read on to {@code onStateChange} only when the session's
     * status differs from the last one seen.
     */
    public static Consumer<Session> changes(Consumer<? super Session> onStateChange) {
        SessionStatus[] last = new SessionStatus[1];
        return s -> {
            if (s.status() != last[0]) {
                last[0] = s.status();
                onStateChange.accept(s);
            }
        };
    }

    @Override
    public String toString() {
        return "SessionHandle[" + id + "]";
    }
}
