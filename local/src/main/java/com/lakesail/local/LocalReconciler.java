package com.lakesail.local;

import com.lakesail.backend.reconciler.Reconciler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The template's scheduled {@code ReconcilerFunction}, locally: a daemon thread that runs a pass
 * every {@link #INTERVAL} of the backend's clock. It looks at the clock at least once a second, so
 * a manual clock moved forward is noticed without being told.
 */
final class LocalReconciler implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Entries per pass; a backlog larger than this drains over several passes. */
    static final int ENTRIES_PER_PASS = 1000;
    private static final long MAX_NAP_MILLIS = 1000;
    private static final System.Logger LOG = System.getLogger(LocalReconciler.class.getName());

    private final Reconciler reconciler;
    private final Clock clock;
    private final Object monitor = new Object();
    private Thread thread;
    private volatile boolean closed;

    LocalReconciler(Reconciler reconciler, Clock clock) {
        this.reconciler = reconciler;
        this.clock = clock;
    }

    Reconciler.Pass runAtStartup() {
        return reconciler.runAtStartup(ENTRIES_PER_PASS);
    }

    Reconciler.Pass runDue() {
        return reconciler.runDue(ENTRIES_PER_PASS);
    }

    void startPeriodic() {
        thread = new Thread(this::loop, "lakesail-reconciler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        Instant next = clock.instant().plus(INTERVAL);
        while (!closed) {
            try {
                long wait = Duration.between(clock.instant(), next).toMillis();
                if (wait > 0) {
                    synchronized (monitor) {
                        monitor.wait(Math.min(wait, MAX_NAP_MILLIS));
                    }
                    continue;
                }
                runDue();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store may be closing or busy: the entries stay due for the next pass.
                LOG.log(System.Logger.Level.ERROR, "reconciler pass failed", e);
            }
            next = clock.instant().plus(INTERVAL);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
