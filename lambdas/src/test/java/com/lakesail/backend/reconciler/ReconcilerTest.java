package com.lakesail.backend.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterDefinition;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.infra.ExecutionFailures;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.service.infra.InfraWorkflows;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.service.workflow.WorkflowStart;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.store.OutboxItems;
import com.lakesail.backend.testing.FakeWorkflows;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its reconciler: a committed change is driven to completion whatever dies between
 * the commit and the workflow's start, or before the workflow's end is recorded; and a workflow that
 * cannot start leaves its resource failed (deletable, retryable), never wedged.
 */
class ReconcilerTest {
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration RECHECK = Duration.ofMinutes(5);

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeWorkflows workflows = new FakeWorkflows(clock);
    private final InfraRecords records = new InfraRecords(store);
    private final WorkflowOutbox outbox = new WorkflowOutbox(store, workflows, clock, new WorkflowOutbox.Timing(GRACE, RECHECK, 3));
    private final Reconciler reconciler = new Reconciler(store, workflows, outbox, new ExecutionFailures(records, clock), clock);
    private final InfraWorkflows infra = new InfraWorkflows(new InfraWorkflows.Polling(20));

    @Test
    void startCommitted_whenTheWorkflowStarts_settlesTheEntryUntilItsNextCheck() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");

        outbox.startCommitted(start);

        OutboxItems.Entry entry = entry(start).orElseThrow();
        assertEquals(workflows.byName("clu_1-provision-1").orElseThrow().id(), entry.executionId());
        assertEquals(clock.instant().plus(RECHECK), entry.dueAt());
        clock.advance(GRACE.plusSeconds(1));
        assertEquals(0, reconciler.runDue(100).total(), "a settled entry waits for its check");
        assertEquals(List.of("clu_1-provision-1"), workflows.startCalls());
    }

    @Test
    void runDue_whenTheProcessDiedBetweenCommitAndStart_startsTheWorkflowAfterTheGrace() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");
        // No startCommitted: the process died right after the commit.

        clock.advance(GRACE.minusSeconds(1));
        assertEquals(0, reconciler.runDue(100).total(), "inside the grace the fast path may still be on its way");
        clock.advance(Duration.ofSeconds(1));
        Reconciler.Pass pass = reconciler.runDue(100);

        assertEquals(1, pass.started(), pass.toString());
        Workflows.Execution started = workflows.byName("clu_1-provision-1").orElseThrow();
        assertEquals(InfraWorkflows.CLUSTER_PROVISION, started.stateMachine());
        assertEquals(start.input(), started.input());
        assertEquals(started.id(), entry(start).orElseThrow().executionId());
        assertEquals(0, reconciler.runDue(100).total(), "started once");
    }

    @Test
    void startCommitted_whenStepFunctionsRefuses_answersNormallyAndTheReconcilerRetries() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");
        workflows.refuseStarts(new IllegalStateException("throttled"));

        outbox.startCommitted(start);

        assertNull(entry(start).orElseThrow().executionId(), "left for the reconciler");
        workflows.refuseStarts(null);
        clock.advance(GRACE);
        assertEquals(1, reconciler.runDue(100).started());
        assertEquals(ClusterStatus.PENDING, records.cluster("org_1", "clu_1").status(), "the workflow drives it from here");
    }

    @Test
    void runDue_whenStartsKeepFailing_failsTheResourceSoItCanBeDeletedOrRetried() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");
        workflows.refuseStarts(new IllegalStateException("state machine ClusterProvision does not exist"));

        clock.advance(GRACE);
        assertEquals(1, reconciler.runDue(100).startFailures());
        assertEquals(ClusterStatus.PENDING, records.cluster("org_1", "clu_1").status(), "one failure is not the end");
        clock.advance(RECHECK);
        assertEquals(1, reconciler.runDue(100).startFailures());
        clock.advance(RECHECK);
        assertEquals(1, reconciler.runDue(100).gaveUp());

        Cluster failed = records.cluster("org_1", "clu_1");
        assertEquals(ClusterStatus.FAILED, failed.status());
        assertTrue(failed.statusReason().contains("LakeSail.WorkflowNotStarted: state machine ClusterProvision does not exist"),
                failed.statusReason());
        ClusterStatus.LIFECYCLE.check(failed.status(), ClusterStatus.DESTROYING);
        assertTrue(entry(start).isEmpty(), "the entry is done with");
        assertEquals(3, workflows.startCalls().size());
    }

    @Test
    void runDue_whenTheExecutionDiedUnrecorded_failsTheResourceAndDropsTheEntry() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");
        outbox.startCommitted(start);
        clock.advance(Duration.ofMinutes(2));
        // The execution timed out, and its end event never reached the events function.
        workflows.end(start.executionName(), Workflows.Status.TIMED_OUT, "States.Timeout");

        clock.advance(RECHECK);
        Reconciler.Pass pass = reconciler.runDue(100);

        assertEquals(1, pass.settled(), pass.toString());
        Cluster failed = records.cluster("org_1", "clu_1");
        assertEquals(ClusterStatus.FAILED, failed.status());
        assertEquals("the provision workflow ended timed out: States.Timeout", failed.statusReason());
        assertTrue(entry(start).isEmpty());
    }

    @Test
    void runDue_whenTheExecutionSucceeded_dropsTheEntryAndLeavesTheResourceAsItsTasksLeftIt() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");
        outbox.startCommitted(start);
        Cluster pending = records.cluster("org_1", "clu_1");
        store.put(InfraItems.cluster(pending.moveTo(ClusterStatus.PROVISIONING, Stage.CREATE_STACK, null, clock.instant())
                        .moveTo(ClusterStatus.ACTIVE, null, null, clock.instant())),
                Condition.versionIs(pending.version()));
        workflows.end(start.executionName(), Workflows.Status.SUCCEEDED, null);

        clock.advance(RECHECK);
        assertEquals(1, reconciler.runDue(100).settled());

        assertEquals(ClusterStatus.ACTIVE, records.cluster("org_1", "clu_1").status());
        assertTrue(entry(start).isEmpty());
    }

    @Test
    void runDue_whenTheExecutionStillRuns_looksAgainOneRecheckLater() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");
        outbox.startCommitted(start);

        clock.advance(RECHECK);
        assertEquals(1, reconciler.runDue(100).running());
        assertEquals(clock.instant().plus(RECHECK), entry(start).orElseThrow().dueAt());
        assertEquals(0, reconciler.runDue(100).total());
        assertEquals(ClusterStatus.PENDING, records.cluster("org_1", "clu_1").status());
    }

    @Test
    void runDue_whenTheRecordedExecutionIsUnknown_startsItAgain() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");
        outbox.startCommitted(start);
        workflows.forget(start.executionName());

        clock.advance(RECHECK);
        assertEquals(1, reconciler.runDue(100).started());
        assertTrue(workflows.byName(start.executionName()).isPresent());
    }

    @Test
    void startCommitted_whenAReconcilerStartedItFirst_startsNothingTwice() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");
        clock.advance(GRACE);
        assertEquals(1, reconciler.runDue(100).started(), "the API was slow: the reconciler got there first");

        outbox.startCommitted(start);

        assertEquals(2, workflows.startCalls().size(), "both asked; the name makes it one execution");
        assertEquals(workflows.byName(start.executionName()).orElseThrow().id(), entry(start).orElseThrow().executionId());
        assertEquals(2, store.get(OutboxItems.key("org_1", start.executionName())).orElseThrow().version(),
                "the fast path's settle lost to the reconciler's, quietly");
    }

    @Test
    void runDue_whenManyTenantsHaveDueEntries_findsEachThroughTheShardedIndex() {
        List<WorkflowStart> due = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            due.add(commitPendingCluster("org_" + i, "clu_" + i));
        }
        clock.advance(GRACE);
        WorkflowStart later = commitPendingCluster("org_late", "clu_late");

        Reconciler.Pass pass = reconciler.runDue(1000);

        assertEquals(40, pass.started(), pass.toString());
        for (WorkflowStart start : due) {
            assertNotNull(entry(start).orElseThrow().executionId(), start.executionName());
        }
        assertNull(entry(later).orElseThrow().executionId(), "not due yet");
        assertTrue(due.stream().map(s -> Math.floorMod(s.executionName().hashCode(), OutboxItems.SHARDS)).distinct().count() > 1,
                "the entries spread over several shards");
    }

    @Test
    void runDue_whenMoreAreDueThanOnePassTakes_leavesTheRestForTheNextPass() {
        for (int i = 0; i < 25; i++) {
            commitPendingCluster("org_1", "clu_" + i);
        }
        clock.advance(GRACE);

        assertEquals(10, reconciler.runDue(10).started());
        assertEquals(10, reconciler.runDue(10).started());
        assertEquals(5, reconciler.runDue(10).started());
        assertEquals(25, workflows.startCalls().size());
    }

    @Test
    void runAtStartup_whenEntriesAreInsideTheGrace_startsThemAtOnce() {
        WorkflowStart start = commitPendingCluster("org_1", "clu_1");

        assertEquals(1, reconciler.runAtStartup(100).started(), "no request of a new process can be about to start it");
        assertNotNull(entry(start).orElseThrow().executionId());
    }

    /** Commits a pending cluster and its outbox entry in one transaction, as ClusterService.create does. */
    private WorkflowStart commitPendingCluster(String orgId, String clusterId) {
        Cluster cluster = Cluster.create(clusterId, orgId, ClusterDefinition.validate("c-" + clusterId, "net_1",
                ManagementNodes.DEFAULT, null, null), clock.instant());
        WorkflowStart start = infra.request(InfraWorkflows.CLUSTER_PROVISION, orgId, "clusterId", clusterId, "provision",
                cluster.version());
        store.transact(List.of(Write.put(InfraItems.cluster(cluster), Condition.notExists()), outbox.entry(start)));
        return start;
    }

    private Optional<OutboxItems.Entry> entry(WorkflowStart start) {
        return store.get(OutboxItems.key(start.orgId(), start.executionName())).map(OutboxItems::entry);
    }
}
