package com.lakesail.backend.reconciler;

import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.service.ExecutionEnded;
import com.lakesail.backend.service.ExecutionEndings;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.store.OutboxItems;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Drives every committed lifecycle change to completion, whatever died on the way. Each pass reads
 * the outbox entries that are due (every shard of the outbox index, in due order, stopping at the
 * first that is not) and, for each, re-read by its key:
 * <ul>
 * <li>not started: starts the workflow (idempotent by execution name) and records it; a start that
 *     fails is retried each {@code recheck}, and after {@code maxStartAttempts} the resource is
 *     failed (through {@link ExecutionEndings}, as for an execution that ended badly), so it can be
 *     deleted or retried instead of waiting forever;
 * <li>started and running: looks again in {@code recheck};
 * <li>started and ended: hands the ending to {@link ExecutionEndings}, which fails the resource if
 *     it is still in that operation's transient status (no task recorded the end: the event was lost,
 *     or the process died before its listener ran), then deletes the entry;
 * <li>started but unknown to the workflow engine: starts it again.
 * </ul>
 * Every write is conditional on the entry's version, so passes on several hosts, or a pass racing
 * the API's fast path, never undo each other. On AWS a scheduled function runs a pass every minute;
 * the local backend runs one at start-up and then periodically on its clock.
 */
public final class Reconciler {
    /** Entries read per index page. */
    private static final int PAGE = 100;
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private final Store store;
    private final Workflows workflows;
    private final WorkflowOutbox outbox;
    private final ExecutionEnded failures;
    private final Clock clock;
    private final Backlog backlog;

    /**
     * Endings go to the area whose resource the execution names (infrastructure or a job run); the
     * backlog of events, schedules and triggers is driven in the same pass.
     */
    @Inject
    public Reconciler(Store store, Workflows workflows, WorkflowOutbox outbox, ExecutionEndings endings, Clock clock,
                      Backlog backlog) {
        this(store, workflows, outbox, (ExecutionEnded) endings, clock, backlog);
    }

    /** A reconciler of workflows only. */
    public Reconciler(Store store, Workflows workflows, WorkflowOutbox outbox, ExecutionEnded failures, Clock clock) {
        this(store, workflows, outbox, failures, clock, null);
    }

    private Reconciler(Store store, Workflows workflows, WorkflowOutbox outbox, ExecutionEnded failures, Clock clock,
                       Backlog backlog) {
        this.store = store;
        this.workflows = workflows;
        this.outbox = outbox;
        this.failures = failures;
        this.clock = clock;
        this.backlog = backlog;
    }

    /** What one pass did: outbox entry by entry, then the backlog. */
    public record Pass(int started, int running, int settled, int startFailures, int gaveUp, int errors,
                       Backlog.Pass backlog) {
        public int total() {
            return started + running + settled + startFailures + gaveUp + errors + backlog.eventsPublished()
                    + backlog.schedulesSynced() + backlog.triggersFired();
        }
    }

    /** Reconciles the entries due now, at most {@code limit} of them (the rest wait for the next pass). */
    public Pass runDue(int limit) {
        return run(clock.instant(), limit);
    }

    /**
     * Reconciles the entries due now or within the start grace: on start-up, when no request of
     * this process can be between a commit and its start, so no new entry needs the grace the fast
     * path gets. (A started entry checked here is rescheduled past it, so a pass reads it once.)
     */
    public Pass runAtStartup(int limit) {
        return run(clock.instant().plus(outbox.timing().startGrace()), limit);
    }

    private Pass run(Instant asOf, int limit) {
        Tally tally = new Tally();
        for (int shard = 0; shard < OutboxItems.SHARDS && tally.seen < limit; shard++) {
            String token = null;
            shard:
            do {
                Page<Item> page = store.query(Query.partition(Query.Index.GSI1, OutboxItems.shardPartition(shard), "",
                        Math.min(PAGE, limit - tally.seen), token));
                for (Item indexed : page.items()) {
                    if (OutboxItems.entry(indexed).dueAt().isAfter(asOf)) {
                        break shard;
                    }
                    tally.seen++;
                    reconcile(indexed, asOf, tally);
                }
                token = page.nextToken();
            } while (token != null && tally.seen < limit);
        }
        return tally.pass(backlog == null ? Backlog.Pass.NONE : backlog.runDue(asOf, limit));
    }

    /** One entry; the index copy may be stale, so the entry is read again by its key. */
    private void reconcile(Item indexed, Instant asOf, Tally tally) {
        try {
            Optional<Item> current = store.get(indexed.key());
            if (current.isEmpty()) {
                return;
            }
            OutboxItems.Entry entry = OutboxItems.entry(current.get());
            if (entry.dueAt().isAfter(asOf)) {
                return;
            }
            long version = current.get().version();
            if (!entry.started()) {
                start(entry, version, tally);
                return;
            }
            Optional<Workflows.Execution> execution = workflows.describe(entry.executionId());
            if (execution.isEmpty()) {
                start(entry, version, tally);
            } else if (execution.get().status() == Workflows.Status.RUNNING) {
                store.put(OutboxItems.item(entry.dueAt(clock.instant().plus(outbox.timing().recheck())), version + 1),
                        Condition.versionIs(version));
                tally.running++;
            } else {
                Workflows.Execution x = execution.get();
                failures.executionEnded(entry.executionName(), x.status().name(), entry.input(), x.error(), x.cause(),
                        x.stoppedAt());
                store.delete(current.get().key(), Condition.versionIs(version));
                tally.settled++;
            }
        } catch (ConditionFailedException e) {
            // Another pass or the fast path moved this entry meanwhile: it is theirs now.
        } catch (RuntimeException e) {
            // One bad entry must not stop the pass; it stays due and is tried again next time.
            LOG.log(System.Logger.Level.ERROR, "reconciling outbox entry " + indexed.key() + " failed", e);
            tally.errors++;
        }
    }

    private void start(OutboxItems.Entry entry, long version, Tally tally) {
        String executionId;
        try {
            executionId = workflows.start(entry.stateMachine(), entry.executionName(), entry.input());
        } catch (RuntimeException e) {
            startFailed(entry, version, e, tally);
            return;
        }
        store.put(OutboxItems.item(entry.started(executionId, clock.instant().plus(outbox.timing().recheck())), version + 1),
                Condition.versionIs(version));
        tally.started++;
    }

    private void startFailed(OutboxItems.Entry entry, long version, RuntimeException e, Tally tally) {
        LOG.log(System.Logger.Level.WARNING, "workflow " + entry.executionName() + " did not start", e);
        OutboxItems.Entry next = entry.startFailed(clock.instant().plus(outbox.timing().recheck()));
        if (next.startAttempts() < outbox.timing().maxStartAttempts()) {
            store.put(OutboxItems.item(next, version + 1), Condition.versionIs(version));
            tally.startFailures++;
            return;
        }
        // Without its workflow the resource would wait forever in a transient status no route can
        // leave; failed, it can be deleted or retried.
        failures.executionEnded(entry.executionName(), "FAILED", entry.input(), "LakeSail.WorkflowNotStarted",
                String.valueOf(e.getMessage()), null);
        store.delete(OutboxItems.key(entry.orgId(), entry.executionName()), Condition.versionIs(version));
        tally.gaveUp++;
    }

    private static final class Tally {
        int seen;
        int started;
        int running;
        int settled;
        int startFailures;
        int gaveUp;
        int errors;

        Pass pass(Backlog.Pass backlog) {
            return new Pass(started, running, settled, startFailures, gaveUp, errors, backlog);
        }
    }
}
