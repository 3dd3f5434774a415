package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.service.job.JobRunWorkflows;
import com.lakesail.backend.service.job.UnavailableWorkloadRuntime;
import com.lakesail.local.FakeWorkloadRuntime.Runner;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.HistoryEvent;
import com.lakesail.local.workflow.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JobRun state machine on the local engine's virtual clock: transitions per run do not grow with
 * the run's length; a run whose execution is aborted is cleaned up and ended; a run in progress when
 * the backend stops ends with a reason after a restart; a runtime that cannot create compute fails
 * runs saying why.
 */
class LocalBackendJobWorkflowTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeWorkloadRuntime runtime = new FakeWorkloadRuntime();

    private LocalBackend start(Path dataDirectory, FakeWorkloadRuntime workloads) {
        LocalBackend.Builder builder = LocalBackend.builder().port(0).clock(clock).workflowWorkers(0)
                .sandboxTimings(SandboxTimings.instant()).workloadRuntime(workloads);
        return (dataDirectory == null ? builder.inMemory() : builder.dataDirectory(dataDirectory)).start();
    }

    @Test
    void transitions_whenARunLastsTenSecondsOrTenHours_areTheSame() {
        try (LocalBackend backend = start(null, runtime)) {
            JobSteps steps = new JobSteps(backend, clock);
            runtime.script("SELECT 'held'", Runner.held());
            String jobId = steps.job("long", steps.definition("SELECT 'held'").put("timeoutSeconds", 86_400));

            String shortRun = runFor(steps, jobId, Duration.ofSeconds(10));
            String longRun = runFor(steps, jobId, Duration.ofHours(10));

            List<HistoryEvent> shortHistory = history(backend, shortRun);
            List<HistoryEvent> longHistory = history(backend, longRun);
            long shortTransitions = transitions(shortHistory);
            assertEquals(shortTransitions, transitions(longHistory), "state transitions per run");
            assertEquals(shortHistory.size(), longHistory.size(), "history events per run");
            assertEquals(12, shortTransitions, "Init, Mode, Admit, Start, CreateSail, WaitForSail, CreateRunner,"
                    + " WaitForRunner, Cleanup, Finish, ShouldRetry, Done: " + shortHistory.stream()
                    .filter(e -> e.type().endsWith("StateEntered")).map(e -> e.details().path("name").asText()).toList());
            System.out.printf("job-run state transitions: 10 s run %d, 10 h run %d (history events %d and %d)%n",
                    shortTransitions, transitions(longHistory), shortHistory.size(), longHistory.size());
        }
    }

    /** A run that reports a heartbeat every minute for {@code length}, then succeeds. */
    private String runFor(JobSteps steps, String jobId, Duration length) {
        String runId = steps.startRun(jobId);
        steps.runReady();
        assertEquals("running", steps.status(runId));
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(length) < 0; elapsed = elapsed.plusMinutes(1)) {
            Duration step = length.minus(elapsed).compareTo(Duration.ofMinutes(1)) < 0 ? length.minus(elapsed) : Duration.ofMinutes(1);
            steps.advance(step);
            assertEquals(204, runtime.heartbeat(runId));
        }
        assertEquals(204, runtime.succeed(runId));
        steps.runReady();
        JsonNode run = steps.getRun(runId);
        assertEquals("succeeded", run.path("status").asText(), run.toString());
        assertEquals(length.toMillis(), run.path("metrics").path("phaseMillis").path("running").asLong());
        return runId;
    }

    @Test
    void abortedExecution_whenTheRunHadCompute_isCleanedUpAndEndsFailedWithTheReason() {
        try (LocalBackend backend = start(null, runtime)) {
            JobSteps steps = new JobSteps(backend, clock);
            runtime.script("SELECT 'held'", Runner.held());
            String runId = steps.startRun(steps.job("aborted", steps.definition("SELECT 'held'")));
            steps.runReady();

            backend.workflows().stop(execution(backend, runId, "run").id(), "Operator.Stop", "stopped by hand");
            steps.runReady();

            JsonNode run = steps.getRun(runId);
            assertEquals("failed", run.path("status").asText(), run.toString());
            assertEquals("internal_error", run.path("termination").path("code").asText());
            assertTrue(run.path("statusReason").asText().contains("ended aborted: Operator.Stop: stopped by hand"),
                    run.toString());
            assertTrue(runtime.deleted(runId), "the cleanup execution deleted its compute");
            assertEquals(Workflows.Status.SUCCEEDED, execution(backend, runId, "cleanup").status());
        }
    }

    @Test
    void restart_whenARunWasRunning_endsItWithAReasonAndDeletesItsCompute(@TempDir Path data) {
        String token;
        String org;
        String runId;
        try (LocalBackend first = start(data, runtime)) {
            JobSteps steps = new JobSteps(first, clock);
            runtime.script("SELECT 'held'", Runner.held());
            runId = steps.startRun(steps.job("interrupted", steps.definition("SELECT 'held'")));
            steps.runReady();
            assertEquals("running", steps.status(runId));
            token = steps.owner.token();
            org = steps.org;
        }
        // The runner died with the backend: nothing reports any more.
        FakeWorkloadRuntime afterRestart = new FakeWorkloadRuntime();
        try (LocalBackend second = start(data, afterRestart)) {
            clock.advance(Duration.ofSeconds(91));
            second.workflows().runUntilIdle();

            Response run = new HttpApi(second.endpoint()).get(InfraSteps.path(org, "/job-runs/" + runId), token);
            assertEquals("failed", run.json().path("status").asText(), run.toString());
            assertEquals("driver_error", run.json().path("termination").path("code").asText());
            assertTrue(run.json().path("statusReason").asText().contains("the runner stopped reporting"), run.toString());
            assertTrue(afterRestart.deleted(runId), "the restarted backend cleans up the run's compute");
        }
    }

    @Test
    void run_whenTheRuntimeCannotCreateCompute_failsAtCreatingSailSayingWhy() {
        String reason = "no compute on this host";
        try (LocalBackend backend = LocalBackend.builder().port(0).clock(clock).workflowWorkers(0)
                .sandboxTimings(SandboxTimings.instant()).workloadRuntime(new UnavailableWorkloadRuntime(reason)).start()) {
            JobSteps steps = new JobSteps(backend, clock);
            String runId = steps.startRun(steps.job("nowhere", steps.definition("SELECT 1")));

            steps.runReady();

            JsonNode run = steps.getRun(runId);
            assertEquals("failed", run.path("status").asText(), run.toString());
            assertEquals("creating_sail", run.path("stage").asText());
            assertEquals("cluster_error", run.path("termination").path("code").asText());
            assertTrue(run.path("statusReason").asText().contains(reason), run.toString());
        }
    }

    private static Workflows.Execution execution(LocalBackend backend, String runId, String operation) {
        String name = JobRunWorkflows.executionName(runId, operation);
        return backend.workflows().list(JobRunWorkflows.STATE_MACHINE, null, 100, null).items().stream()
                .filter(e -> name.equals(e.name())).findFirst().orElseThrow(() -> new AssertionError("no execution " + name));
    }

    private static List<HistoryEvent> history(LocalBackend backend, String runId) {
        return backend.workflows().history(execution(backend, runId, "run").id());
    }

    private static long transitions(List<HistoryEvent> history) {
        return history.stream().filter(e -> e.type().endsWith("StateEntered")).count();
    }
}
