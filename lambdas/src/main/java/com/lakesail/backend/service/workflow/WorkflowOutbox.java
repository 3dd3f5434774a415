package com.lakesail.backend.service.workflow;

import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.OutboxItems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.inject.Inject;

/**
 * Makes "commit a change, then start its workflow" safe against a death between the two (a Lambda
 * timeout, a crash, kill -9): the change's transaction also writes an outbox entry naming the
 * workflow, so a committed change always has a record of what must drive it. Every lifecycle
 * uses it the same way:
 *
 * <pre>{@code
 * WorkflowStart start = new WorkflowStart(orgId, "ClusterProvision", "clu_1-provision-1", inputJson);
 * writes.add(outbox.entry(start));     // in the transaction that makes the change
 * store.transact(writes);
 * outbox.startCommitted(start);        // the fast path; the reconciler covers a death on either side of it
 * }</pre>
 *
 * <p>The entry lives until the operation has finished, not just until its workflow has started:
 * a started execution can still die unrecorded (its end event lost, or the process gone between
 * the execution's end and the listener that fails the resource), and only a record that outlives
 * the start lets the {@code Reconciler} find the resource that would then stay transient forever.
 * The reconciler deletes the entry once it has seen the execution end and settled the resource.
 */
public final class WorkflowOutbox {
    private static final System.Logger LOG = System.getLogger(WorkflowOutbox.class.getName());

    private final Store store;
    private final Workflows workflows;
    private final Clock clock;
    private final Timing timing;

    @Inject
    public WorkflowOutbox(Store store, Workflows workflows, Clock clock, Timing timing) {
        this.store = store;
        this.workflows = workflows;
        this.clock = clock;
        this.timing = timing;
    }

    /**
     * How the outbox and its reconciler pace themselves on a host.
     *
     * @param startGrace       how long a new entry is left to the fast path before a reconciler starts it
     * @param recheck          how often a reconciler asks whether a started execution is still running
     * @param maxStartAttempts starts a reconciler tries (one per {@code recheck}) before it fails the resource
     */
    public record Timing(Duration startGrace, Duration recheck, int maxStartAttempts) {
        public Timing {
            // A recheck inside the grace would let one start-up pass meet a rescheduled entry again.
            if (startGrace.isNegative() || recheck.compareTo(startGrace) <= 0 || maxStartAttempts < 1) {
                throw new IllegalArgumentException("invalid outbox timing: " + startGrace + ", " + recheck + ", " + maxStartAttempts);
            }
        }
    }

    public Timing timing() {
        return timing;
    }

    /** The outbox entry of {@code start}, to write in the transaction that commits the change asking for it. */
    public Write entry(WorkflowStart start) {
        return Write.put(OutboxItems.item(body(start, clock.instant().plus(timing.startGrace()), null), 1),
                Condition.notExists());
    }

    /**
     * Starts the workflow of a committed change and records that it started. A failure is left to
     * the reconciler, which retries the start: the change is committed and its answer stands.
     */
    public void startCommitted(WorkflowStart start) {
        String executionId;
        try {
            executionId = workflows.start(start.stateMachine(), start.executionName(), start.input());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "workflow " + start.executionName() + " not started; the reconciler will retry", e);
            return;
        }
        try {
            store.put(OutboxItems.item(body(start, clock.instant().plus(timing.recheck()), executionId), 2),
                    Condition.versionIs(1));
        } catch (ConditionFailedException e) {
            // A reconciler settled it first; the start is idempotent by name, so nothing is lost.
        } catch (RuntimeException e) {
            // Unsettled, the entry only makes a reconciler start it again, which finds this execution.
            LOG.log(System.Logger.Level.WARNING, "outbox entry of " + start.executionName() + " not settled", e);
        }
    }

    private static OutboxItems.Entry body(WorkflowStart start, Instant dueAt, String executionId) {
        return new OutboxItems.Entry(start.orgId(), start.stateMachine(), start.executionName(), start.input(), dueAt,
                executionId, 0);
    }
}
