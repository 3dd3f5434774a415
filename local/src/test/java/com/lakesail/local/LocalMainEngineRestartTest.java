package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: kill -9 the command-line backend while a job run is {@code running} on the real local
 * engine, start it again on the same data directory, and the run ends {@code failed} with the reason
 * at start-up (the reaped Sail and runner name it), not after a missed heartbeat; no process of the
 * run survives.
 */
class LocalMainEngineRestartTest {
    @TempDir
    Path dataDirectory;

    @Test
    void restart_whenKilledWhileARunIsRunning_endsTheRunFailedWithAReasonAndLeavesNoProcess() throws Exception {
        EngineSteps steps;
        String runId;
        List<ProcessHandle> processes;
        ChildBackend first = ChildBackend.start(dataDirectory, "--sandbox-speed", "100");
        try {
            steps = new EngineSteps(first.endpoint());
            ObjectNode endless = steps.definition(LocalBackendEngineRunsTest.ENDLESS);
            endless.putObject("compute").putObject("driver").put("cpu", 1);
            runId = steps.run(steps.job("endless", endless));
            assertEquals("running", steps.awaitStatus(runId, "running").path("status").asText());
            processes = EngineSteps.processesOf(steps.org, runId);
            assertEquals(2, processes.size(), "its Sail and its runner: " + processes);
        } finally {
            first.kill();
        }

        ChildBackend second = ChildBackend.start(dataDirectory, "--sandbox-speed", "100");
        try {
            long restarted = System.nanoTime();
            processes.forEach(p -> assertFalse(p.isAlive(), "process " + p.pid() + " of the run is gone once the backend is up"));

            JsonNode run = steps.on(second.endpoint()).awaitEnd(runId);

            assertEquals("failed", run.path("status").asText(), run.toString());
            assertEquals("cluster_error", run.path("termination").path("code").asText(), run.toString());
            assertTrue(run.path("statusReason").asText().startsWith("the local backend stopped unexpectedly"), run.toString());
            assertTrue(Duration.ofNanos(System.nanoTime() - restarted).compareTo(Duration.ofSeconds(60)) < 0,
                    "ended at start-up, not by a missed heartbeat (90 s)");
            assertEquals(List.of(), EngineSteps.processesOf(steps.org, runId));
        } finally {
            second.kill();
        }
        assertEquals(List.of(), LocalBackendEngineRunsTest.childrenOf(steps.org), "nothing of the organization runs");
    }
}
