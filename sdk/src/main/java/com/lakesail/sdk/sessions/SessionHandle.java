package com.lakesail.sdk.sessions;

import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.waiter.ResourceFailedException;
import com.lakesail.sdk.waiter.Waiter;
import com.lakesail.sdk.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A session, with the means to wait until it is ready, run SQL in it, connect Spark Connect
 * clients to it, and close it. {@link #close()} makes it fit try-with-resources.
 *
 * <pre>{@code
 * try (SessionHandle session = lakesail.sessions().open(r -> r.clusterId(cluster.id()).catalogIds(lake.id()))
 *         .waitUntilReady(Duration.ofMinutes(3))) {
 *     session.sql("CREATE TEMP VIEW big AS SELECT * FROM lake.sales.orders WHERE amount > 1000");
 *     for (Row row : session.sql(StatementRequest.sql("SELECT * FROM big WHERE day = :day").parameter("day", "2026-12-01"))) {
 *         System.out.println(row.getString("region"));
 *     }
 *     System.out.println(session.connectionString(Duration.ofHours(1)));   // for pyspark, notebooks, BI tools
 * }
 * }</pre>
 */
public final class SessionHandle implements AutoCloseable {
    /** How long {@link #sql(String)} waits for a statement: as long as any interactive statement should run. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofHours(1);

    private final Session session;
    private final SessionService sessions;

    private SessionHandle(Session session, SessionService sessions) {
        this.session = Objects.requireNonNull(session, "session");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** A handle on {@code session} as a call returned it; also the way to fake a handle in a test. */
    public static SessionHandle of(Session session, SessionService sessions) {
        return new SessionHandle(session, sessions);
    }

    public String id() {
        return session.id();
    }

    /** The session as the call that made this handle returned it. */
    public Session session() {
        return session;
    }

    /**
     * Waits until the session takes statements ({@code active} or {@code idle}) and returns a handle
     * on it as it is then (its endpoint known).
     *
     * @throws ResourceFailedException at once when it failed or closed, with the reason
     * @throws WaiterTimeoutException when it is still pending after {@code timeout}
     */
    public SessionHandle waitUntilReady(Duration timeout) {
        return waitUntilReady(w -> w.timeout(timeout));
    }

    /**
     * {@link #waitUntilReady(Duration)} with a waiter {@code waiter} may reconfigure (timeout, pauses,
     * a progress listener, clock, sleeper), e.g. to draw each status the session passes through.
     */
    public SessionHandle waitUntilReady(Consumer<Waiter.Builder<Session>> waiter) {
        Waiter.Builder<Session> builder = Waiter.<Session>builder().initialDelay(Duration.ofMillis(250))
                .maxDelay(Duration.ofSeconds(2)).multiplier(1.5);
        waiter.accept(builder);
        return of(builder.build().waitFor(() -> sessions.get(id())), sessions);
    }

    /** Runs {@code sql} and gives its rows, waiting up to {@link #DEFAULT_STATEMENT_TIMEOUT}. */
    public ResultRows sql(String sql) {
        return sql(StatementRequest.sql(sql));
    }

    /**
     * Runs the statement and gives its rows (pages read lazily), waiting up to
     * {@link #DEFAULT_STATEMENT_TIMEOUT}.
     *
     * @throws StatementFailedException when it failed, with the engine's error class and message
     */
    public ResultRows sql(StatementRequest request) {
        return sql(request, DEFAULT_STATEMENT_TIMEOUT);
    }

    public ResultRows sql(StatementRequest request, Duration timeout) {
        return sessions.submit(id(), request, StatementHandle.MAX_WAIT_SECONDS).result(timeout);
    }

    /** Sends the statement and returns at once; wait, cancel or read its rows on the handle. */
    public StatementHandle submit(StatementRequest request) {
        return sessions.submit(id(), request, 0);
    }

    /** A token for this session (at most 12 h; null: 1 h) and its connection string. */
    public SessionToken token(Duration lifetime) {
        return sessions.token(id(), lifetime);
    }

    /** {@code sc://host:port/;token=...} for Spark Connect clients, valid for {@code lifetime}. */
    public String connectionString(Duration lifetime) {
        return token(lifetime).connectionString();
    }

    /** The session as it is now. */
    public Session read() {
        return sessions.get(id());
    }

    /**
     * Asks the session to close (its Sail stops; it ends {@code closed}); nothing when it has
     * already ended.
     */
    @Override
    public void close() {
        try {
            sessions.close(id());
        } catch (ConflictException e) {
            if (!sessions.get(id()).status().isTerminal()) {
                throw e;
            }
        }
    }

    /** Waits until the session has ended (after {@link #close()}, or its idle timeout). */
    public Session waitUntilEnded(Duration timeout) {
        return Waiter.<Session>builder().timeout(timeout).initialDelay(Duration.ofMillis(250))
                .maxDelay(Duration.ofSeconds(2)).multiplier(1.5)
                .successWhen(s -> s.status().isTerminal()).failureWhen(s -> false).build()
                .waitFor(() -> sessions.get(id()));
    }

    @Override
    public String toString() {
        return "SessionHandle[" + id() + "]";
    }
}
