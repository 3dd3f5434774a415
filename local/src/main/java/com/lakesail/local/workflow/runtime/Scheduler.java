package com.lakesail.local.workflow.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Runs executions that have ready branches, and fires timers.
 *
 * <p>With workers, daemon threads take executions off the run queue and a timer thread sleeps until
 * the next deadline on the engine's clock (it is woken when a timer is added or the clock is
 * advanced). Without workers nothing runs by itself: tests call {@link #runUntilIdle()} and drive
 * time with a manual clock, so no test ever sleeps through a Wait.
 */
final class Scheduler implements AutoCloseable {
    private final LinkedBlockingQueue<ExecutionRuntime> queue = new LinkedBlockingQueue<>();
    private final Clock clock;
    private final Consumer<ExecutionRuntime> runner;
    private final LongConsumer fireDue;
    private final List<Thread> threads = new ArrayList<>();
    private final Object timerMonitor = new Object();
    private Timers timers;
    private volatile boolean closed;

    Scheduler(Clock clock, Consumer<ExecutionRuntime> runner, LongConsumer fireDue) {
        this.clock = clock;
        this.runner = runner;
        this.fireDue = fireDue;
    }

    void timers(Timers timers) {
        this.timers = timers;
    }

    boolean threaded() {
        return !threads.isEmpty();
    }

    void start(int workers) {
        for (int i = 0; i < workers; i++) {
            threads.add(daemon("workflow-worker-" + i, this::work));
        }
        if (workers > 0) {
            threads.add(daemon("workflow-timers", this::timeKeeping));
        }
        threads.forEach(Thread::start);
    }

    void schedule(ExecutionRuntime x) {
        if (x.queued.compareAndSet(false, true)) {
            queue.add(x);
        }
    }

    /** Wakes the timer thread: a timer was added or the clock moved. */
    void timersChanged() {
        synchronized (timerMonitor) {
            timerMonitor.notifyAll();
        }
    }

    /** Runs queued executions and due timers in the calling thread until neither is left. */
    int runUntilIdle() {
        if (threaded()) {
            throw new IllegalStateException("runUntilIdle drives an engine without worker threads");
        }
        int runs = 0;
        while (true) {
            ExecutionRuntime x = queue.poll();
            if (x != null) {
                runner.accept(x);
                runs++;
                continue;
            }
            OptionalLong next = timers.nextDue();
            if (next.isPresent() && next.getAsLong() <= clock.millis()) {
                fireDue.accept(clock.millis());
                continue;
            }
            return runs;
        }
    }

    private void work() {
        while (!closed) {
            try {
                ExecutionRuntime x = queue.poll(1, TimeUnit.SECONDS);
                if (x != null) {
                    runner.accept(x);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A store failure ends this turn; the execution resumes when an engine restarts on the store.
                if (closed) {
                    // The backend is stopping and closed the store under a step that outlived close's wait.
                    System.getLogger("workflow").log(System.Logger.Level.DEBUG, "workflow step cut short by the engine's close", e);
                } else {
                    System.getLogger("workflow").log(System.Logger.Level.ERROR, "workflow step failed", e);
                }
            }
        }
    }

    private void timeKeeping() {
        while (!closed) {
            try {
                long now = clock.millis();
                fireDue.accept(now);
                synchronized (timerMonitor) {
                    OptionalLong next = timers.nextDue();
                    long wait = next.isPresent() ? Math.max(1, next.getAsLong() - clock.millis()) : 60_000;
                    timerMonitor.wait(Math.min(wait, 60_000));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.getLogger("workflow").log(System.Logger.Level.ERROR, "workflow timer failed", e);
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
