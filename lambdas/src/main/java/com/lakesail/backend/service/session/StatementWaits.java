package com.lakesail.backend.service.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A request waiting for a statement's end ({@code waitSeconds}): it reads the statement, and reads
 * again when the end is signalled in this process (locally, the session server's report lands in the
 * same JVM, so the waiter wakes at once) or, where the report lands in another process (another
 * Lambda instance), after {@link SessionLimits#waitPoll()}.
 */
@Singleton
public final class StatementWaits {
    private final Map<String, Waiters> waiting = new ConcurrentHashMap<>();
    private final Duration poll;

    @Inject
    public StatementWaits(SessionLimits limits) {
        this.poll = limits.waitPoll();
    }

    /** The waiters of one statement and the signals sent them, so a signal between a read and the wait is not lost. */
    private static final class Waiters {
        int count;
        long signals;
    }

    /**
     * Reads with {@code read} until {@code done} holds or {@code wait} has passed.
     *
     * @return the last read
     */
    public <T> T await(String key, Supplier<T> read, Predicate<T> done, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Waiters waiters = waiting.compute(key, (k, w) -> {
            Waiters v = w == null ? new Waiters() : w;
            v.count++;
            return v;
        });
        try {
            while (true) {
                long seen;
                synchronized (waiters) {
                    seen = waiters.signals;
                }
                T value = read.get();
                long left = deadline - System.nanoTime();
                if (done.test(value) || left <= 0) {
                    return value;
                }
                synchronized (waiters) {
                    if (waiters.signals == seen) {
                        long millis = Math.max(1, Math.min(poll.toMillis(), left / 1_000_000));
                        waiters.wait(millis);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return read.get();
        } finally {
            waiting.computeIfPresent(key, (k, w) -> --w.count == 0 ? null : w);
        }
    }

    /** Wakes whoever in this process waits on {@code key}. */
    public void signal(String key) {
        Waiters waiters = waiting.get(key);
        if (waiters != null) {
            synchronized (waiters) {
                waiters.signals++;
                waiters.notifyAll();
            }
        }
    }
}
