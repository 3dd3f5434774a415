package com.lakesail.backend.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The task function's edge: what reaches it that is not a task fails the stage with a reason, never a parse trace. */
class TaskHandlerTest {
    private final TaskHandler handler = new TaskHandler(new TaskDispatcher(new CloudAccountTasks(null, null, null),
            new NetworkTasks(null, null), new ClusterTasks(null, null, null), new CatalogTasks(null, null),
            new JobRunTasks(null, null, null, null, null, null, null, null, null, null),
            new SessionTasks(null, null, null, null, null, null, null, null, null)));

    @Test
    void handleRequest_whenPayloadIsNotJson_failsTheStageSayingSo() {
        StageFailedException e = assertThrows(StageFailedException.class, () -> handle("{task"));

        assertEquals("the task payload is not JSON", e.getMessage());
    }

    @Test
    void handleRequest_whenPayloadLacksTheTaskFields_failsTheStageNamingThem() {
        StageFailedException e = assertThrows(StageFailedException.class, () -> handle("{\"malformed\":true}"));

        assertEquals("task payload needs task, orgId and generation: {\"malformed\":true}", e.getMessage());
    }

    @Test
    void beforeCheckpoint_whenPriming_runsWithoutTheCloudOrTheStore() throws Exception {
        handler.beforeCheckpoint(null);
    }

    private void handle(String payload) throws Exception {
        handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
    }
}
