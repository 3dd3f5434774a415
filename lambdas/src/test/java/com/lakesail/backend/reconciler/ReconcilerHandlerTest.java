package com.lakesail.backend.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.service.infra.ExecutionFailures;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.service.workflow.WorkflowStart;
import com.lakesail.backend.testing.FakeWorkflows;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduled event → one pass over the due entries, its tally as the function's result. */
class ReconcilerHandlerTest {
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeWorkflows workflows = new FakeWorkflows(clock);
    private final WorkflowOutbox outbox = new WorkflowOutbox(store, workflows, clock,
            new WorkflowOutbox.Timing(Duration.ofMinutes(1), Duration.ofMinutes(5), 3));
    private final ReconcilerHandler handler = new ReconcilerHandler(new Reconciler(store, workflows, outbox,
            new ExecutionFailures(new InfraRecords(store), clock), clock));

    @Test
    void handleRequest_whenTheScheduleFires_startsWhatIsDueAndReportsIt() throws Exception {
        store.transact(List.of(outbox.entry(new WorkflowStart("org_1", "ClusterProvision", "clu_1-provision-1", "{}"))));
        clock.advance(Duration.ofMinutes(1));
        String event = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);

        JsonNode pass = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(1, pass.path("started").asInt(), pass.toString());
        assertEquals(0, pass.path("errors").asInt(), pass.toString());
        assertTrue(workflows.byName("clu_1-provision-1").isPresent());
    }
}
