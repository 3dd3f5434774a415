package com.lakesail.sdk.sessions;

import com.lakesail.sdk.waiter.WaiterTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A statement that was sent to a session, with the means to wait for its result. Waiting asks the
 * service to hold each read until the statement ends (up to 20 s a read), so a result arrives as
 * soon as it exists, with no polling pause.
 *
 * <pre>{@code
 * StatementHandle statement = session.sql("SELECT region, sum(amount) AS total FROM lake.sales GROUP BY region");
 * for (Row row : statement.waitForResult()) {            // throws StatementFailedException on failure
 *     System.out.println(row.getString("region") + " " + row.getDecimal("total"));
 * }
 * CompletableFuture<StatementResult> later = session.sql("SELECT count(*) AS n FROM big").resultAsync();
 * statement.cancel();                                     // interrupts it in the engine
 * }</pre>
 */
public final class StatementHandle {
    private final String id;
    private final Statement statement;
    private final SessionService sessions;

    private StatementHandle(String id, Statement statement, SessionService sessions) {
        this.id = Objects.requireNonNull(id, "id");
        this.statement = statement;
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** A handle on {@code statement} as a call returned it; also the way to fake a handle in a test. */
    public static StatementHandle of(Statement statement, SessionService sessions) {
        return new StatementHandle(statement.id(), statement, sessions);
    }

    /** A handle on the statement {@code statementId}, read when first needed. */
    public static StatementHandle of(String statementId, SessionService sessions) {
        return new StatementHandle(statementId, null, sessions);
    }

    public String id() {
        return id;
    }

    /** The statement as the call that made this handle returned it, or as read now when there was none. */
    public Statement statement() {
        return statement != null ? statement : sessions.statement(id);
    }

    /** The statement's status now (one read). */
    public StatementStatus status() {
        return statement != null && statement.status().isTerminal() ? statement.status() : sessions.statement(id).status();
    }

    /**
     * Waits, however long it takes, until the statement ended; its result on success.
     *
     * @throws StatementFailedException when it failed (with the engine's error class and message) or was cancelled
     */
    public StatementResult waitForResult() {
        return waitForResult(null);
    }

    /**
     * Waits up to {@code timeout} (null: no limit) until the statement ended; its result on success.
     *
     * @throws StatementFailedException when it failed (with the engine's error class and message) or was cancelled
     * @throws WaiterTimeoutException when it is still pending or running at the timeout
     */
    public StatementResult waitForResult(Duration timeout) {
        return result(awaitEnd(timeout, null));
    }

    /**
     * {@link #waitForResult()} on another thread (a new daemon thread, since the wait is mostly the
     * service holding the read). Cancelling the future stops the waiting after the current read; it
     * does not cancel the statement: call {@link #cancel()} for that.
     */
    public CompletableFuture<StatementResult> resultAsync() {
        return resultAsync(null);
    }

    /** {@link #waitForResult(Duration)} on another thread; see {@link #resultAsync()}. */
    public CompletableFuture<StatementResult> resultAsync(Duration timeout) {
        CompletableFuture<StatementResult> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Statement ended = awaitEnd(timeout, future);
                if (ended != null) {
                    future.complete(result(ended));
                }
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "lakesail-statement-" + id);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** Asks the engine to interrupt the statement; it ends {@code cancelled} unless it ended first. */
    public Statement cancel() {
        return sessions.cancelStatement(id);
    }

    /** Null when {@code abandoned} was completed (by a cancel of the caller's future). */
    private Statement awaitEnd(Duration timeout, CompletableFuture<?> abandoned) {
        Clock clock = Clock.systemUTC();
        Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
        Statement current = statement;
        while (current == null || !current.status().isTerminal()) {
            if (abandoned != null && abandoned.isDone()) {
                return null;
            }
            Duration wait = SessionService.MAX_STATEMENT_WAIT;
            if (deadline != null) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new WaiterTimeoutException(timeout, current != null ? current : sessions.statement(id));
                }
                wait = left.compareTo(wait) < 0 ? left : wait;
            }
            current = sessions.awaitStatement(id, wait);
        }
        return current;
    }

    private StatementResult result(Statement ended) {
        if (ended.status() != StatementStatus.SUCCEEDED) {
            throw new StatementFailedException(ended);
        }
        return new StatementResult(ended, token -> sessions.statement(id, token, null).result());
    }

    @Override
    public String toString() {
        return "StatementHandle[" + id + "]";
    }
}
