package com.lakesail.sdk.sessions;

import com.lakesail.sdk.exception.SdkClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A submitted statement, with the means to wait for its end, cancel it and read its rows. Waits
 * are long polls: each read asks the service to answer as soon as the statement ends (up to 20 s),
 * so a wait returns within milliseconds of the end without polling fast.
 *
 * <pre>{@code
 * StatementHandle big = session.submit(StatementRequest.sql("SELECT ... FROM lake.sales.orders"));
 * CompletableFuture<ResultRows> later = big.resultAsync(Duration.ofMinutes(30));
 * ...
 * big.cancel();                                        // interrupts it in the engine
 * Statement ended = big.waitUntilDone(Duration.ofMinutes(1));   // cancelled
 * }</pre>
 */
public final class StatementHandle {
    /** The longest wait one read may ask for (the service's limit). */
    static final int MAX_WAIT_SECONDS = 20;

    private final Statement statement;
    private final Integer pageSize;
    private final SessionService sessions;

    private StatementHandle(Statement statement, Integer pageSize, SessionService sessions) {
        this.statement = Objects.requireNonNull(statement, "statement");
        this.pageSize = pageSize;
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * A handle on {@code statement} as a call returned it, reading result pages of {@code pageSize}
     * rows (null: the service's default); also the way to fake a handle in a test.
     */
    public static StatementHandle of(Statement statement, Integer pageSize, SessionService sessions) {
        return new StatementHandle(statement, pageSize, sessions);
    }

    public String id() {
        return statement.id();
    }

    /** The statement as the call that made this handle returned it. */
    public Statement statement() {
        return statement;
    }

    /** The statement as it is now (with its first result page once it succeeded). */
    public Statement read() {
        return sessions.statement(id(), null, pageSize, 0);
    }

    /** Waits until the statement has ended, however it ended. */
    public Statement waitUntilDone(Duration timeout) {
        return waitUntilDone(timeout, () -> false);
    }

    /**
     * Waits until it succeeded.
     *
     * @throws StatementFailedException when it failed (with the engine's error class and message) or was cancelled
     */
    public Statement waitUntilSucceeded(Duration timeout) {
        Statement done = waitUntilDone(timeout);
        if (done.status() != StatementStatus.SUCCEEDED) {
            throw new StatementFailedException(done);
        }
        return done;
    }

    /** Waits until it succeeded and gives its rows, read lazily page by page. */
    public ResultRows result(Duration timeout) {
        return rows(waitUntilSucceeded(timeout));
    }

    /** {@link #waitUntilDone(Duration)} on another thread; cancelling the future stops the waiting (not the statement). */
    public CompletableFuture<Statement> waitUntilDoneAsync(Duration timeout) {
        CompletableFuture<Statement> future = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                future.complete(waitUntilDone(timeout, future::isCancelled));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "lakesail-statement-" + id());
        waiter.setDaemon(true);
        waiter.start();
        return future;
    }

    /** {@link #result(Duration)} on another thread: completes with the rows, or exceptionally as the statement failed. */
    public CompletableFuture<ResultRows> resultAsync(Duration timeout) {
        return waitUntilDoneAsync(timeout).thenApply(done -> {
            if (done.status() != StatementStatus.SUCCEEDED) {
                throw new StatementFailedException(done);
            }
            return rows(done);
        });
    }

    /** Asks the engine to interrupt it; wait for {@code cancelled} (or its end, if it ended first). */
    public StatementHandle cancel() {
        return of(sessions.cancel(id()), pageSize, sessions);
    }

    private ResultRows rows(Statement done) {
        return new ResultRows(done, token -> sessions.statement(id(), token, pageSize, 0).result());
    }

    private Statement waitUntilDone(Duration timeout, BooleanSupplier abandoned) {
        Instant deadline = Instant.now().plus(timeout);
        Statement current = statement;
        boolean read = false;
        while (!current.status().isTerminal()) {
            if (abandoned.getAsBoolean()) {
                throw new CancellationException("wait cancelled");
            }
            long remainingMillis = Duration.between(Instant.now(), deadline).toMillis();
            if (remainingMillis <= 0 && read) {
                throw new SdkClientException("statement " + id() + " is still " + current.status().value()
                        + " after " + timeout);
            }
            // Rounded up, so the last read still waits for the end rather than spinning.
            int waitSeconds = (int) Math.min(MAX_WAIT_SECONDS, Math.max(0, (remainingMillis + 999) / 1000));
            current = sessions.statement(id(), null, pageSize, waitSeconds);
            read = true;
        }
        return current;
    }

    @Override
    public String toString() {
        return "StatementHandle[" + id() + "]";
    }
}
