package com.lakesail.local.workflow.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pending deadlines on the engine's clock: Wait ends, retry backoffs, task timeouts and heartbeats,
 * execution timeouts. A timer names its branch and a sequence number; a branch that moved on has
 * another sequence number, so its old timers fire into nothing.
 */
final class Timers {
    record Timer(long due, String executionArn, String branchId, long seq) {
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private final AtomicLong sequence = new AtomicLong();
    private final Runnable onChange;

    Timers(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Schedules {@code b}'s current deadline ({@code due}, or the heartbeat if sooner). */
    void schedule(ExecutionRuntime x, Branch b) {
        long due = b.heartbeatDue != 0 && (b.due == 0 || b.heartbeatDue < b.due) ? b.heartbeatDue : b.due;
        b.timerSeq = sequence.incrementAndGet();
        add(new Timer(due, x.arn, b.id, b.timerSeq));
    }

    void scheduleTimeout(ExecutionRuntime x) {
        x.timeoutTimerSeq = sequence.incrementAndGet();
        add(new Timer(x.timeoutAt, x.arn, null, x.timeoutTimerSeq));
    }

    private void add(Timer timer) {
        synchronized (queue) {
            queue.add(timer);
        }
        onChange.run();
    }

    List<Timer> pollDue(long now) {
        List<Timer> due = new ArrayList<>();
        synchronized (queue) {
            while (!queue.isEmpty() && queue.peek().due <= now) {
                due.add(queue.poll());
            }
        }
        return due;
    }

    OptionalLong nextDue() {
        synchronized (queue) {
            return queue.isEmpty() ? OptionalLong.empty() : OptionalLong.of(queue.peek().due);
        }
    }

    void clear() {
        synchronized (queue) {
            queue.clear();
        }
    }
}
