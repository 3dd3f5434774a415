package com.lakesail.backend.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterDefinition;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.service.infra.ExecutionFailures;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EventBridge "Execution Status Change" events → the resource the execution drove is failed, once, and only by its own operation. */
class ExecutionStatusHandlerTest {
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InfraRecords records = new InfraRecords(store);
    private final ExecutionStatusHandler handler = new ExecutionStatusHandler(new ExecutionFailures(records, clock));

    @Test
    void handleRequest_whenProvisioningTimedOut_marksTheClusterFailedAtItsStage() throws Exception {
        store.put(InfraItems.cluster(cluster(ClusterStatus.PROVISIONING)), Condition.notExists());
        assertEquals("{\"marked\":true}", handle("clu_1-provision-1", "TIMED_OUT"));
        Cluster failed = records.cluster("org_1", "clu_1");
        assertEquals(ClusterStatus.FAILED, failed.status());
        assertEquals(Stage.WAIT_FOR_CREATE, failed.stage());
        assertEquals("the provision workflow ended timed out: States.Timeout", failed.statusReason());
        assertEquals("{\"marked\":false}", handle("clu_1-provision-1", "TIMED_OUT"), "a redelivered event changes nothing");
    }

    @Test
    void handleRequest_whenAnOldOperationsEventArrivesLate_leavesTheNewOperationAlone() throws Exception {
        store.put(InfraItems.cluster(cluster(ClusterStatus.PROVISIONING).moveTo(ClusterStatus.FAILED, null, "x", clock.instant())
                .moveTo(ClusterStatus.DESTROYING, Stage.DELETE_STACK, null, clock.instant())), Condition.notExists());
        assertEquals("{\"marked\":false}", handle("clu_1-provision-1", "ABORTED"));
        assertEquals(ClusterStatus.DESTROYING, records.cluster("org_1", "clu_1").status());
    }

    @Test
    void handleRequest_whenALateEventNamesTheSameOperationAsANewerRun_leavesTheNewerRunAlone() throws Exception {
        Instant oldRunStopped = clock.instant();
        clock.advance(java.time.Duration.ofMinutes(5));
        // destroy #1 failed and was recorded; the user deleted again: destroy #2 runs now.
        store.put(InfraItems.cluster(cluster(ClusterStatus.PROVISIONING).moveTo(ClusterStatus.FAILED, null, "x", oldRunStopped)
                .moveTo(ClusterStatus.DESTROYING, Stage.DELETE_STACK, null, clock.instant())), Condition.notExists());

        assertEquals("{\"marked\":false}", handle("clu_1-destroy-3", "FAILED", oldRunStopped));
        assertEquals(ClusterStatus.DESTROYING, records.cluster("org_1", "clu_1").status());
        assertEquals("{\"marked\":true}", handle("clu_1-destroy-5", "FAILED", clock.instant()), "its own run's end still counts");
    }

    @Test
    void handleRequest_whenNotAnExecutionStatusEvent_refusesItSayingWhatIsMissing() {
        for (String event : new String[] {"{}", "[1]", "null", "{\"detail\":{\"status\":\"FAILED\"}}", "not json"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null), event);
            assertTrue(e.getMessage().startsWith("not a Step Functions Execution Status Change event: "), e.getMessage());
        }
    }

    private Cluster cluster(ClusterStatus status) {
        Cluster c = Cluster.create("clu_1", "org_1", ClusterDefinition.validate("c", "net_1", ManagementNodes.DEFAULT, null, null),
                clock.instant());
        return c.moveTo(status, Stage.WAIT_FOR_CREATE, null, clock.instant());
    }

    private String handle(String name, String status) throws Exception {
        return handle(name, status, null);
    }

    private String handle(String name, String status, Instant stopped) throws Exception {
        String event = "{\"source\":\"aws.states\",\"detail-type\":\"Step Functions Execution Status Change\",\"detail\":{"
                + "\"name\":\"" + name + "\",\"status\":\"" + status + "\",\"error\":\"States.Timeout\",\"cause\":null,"
                + (stopped == null ? "" : "\"stopDate\":" + stopped.toEpochMilli() + ",")
                + "\"input\":\"{\\\"orgId\\\":\\\"org_1\\\",\\\"clusterId\\\":\\\"clu_1\\\",\\\"generation\\\":1}\"}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
