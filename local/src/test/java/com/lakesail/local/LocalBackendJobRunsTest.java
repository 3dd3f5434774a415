package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.FakeWorkloadRuntime.Runner;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job runs end to end over HTTP, with the fake runtime playing Sail and the runner through the real
 * callback route: every way a run ends, the stages it passes, cleanup on every path, version pinning,
 * retries and logs. The workflows run only when the test says and time moves only when it is told.
 */
class LocalBackendJobRunsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeWorkloadRuntime runtime = new FakeWorkloadRuntime();
    private LocalBackend backend;
    private JobSteps steps;

    @BeforeEach
    void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0)
                .sandboxTimings(SandboxTimings.instant()).workloadRuntime(runtime).start();
        steps = new JobSteps(backend, clock);
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void run_whenTheSqlSucceeds_endsSucceededWithItsRowsAfterEveryStageAndCleanup() {
        runtime.script("SELECT region, count(*) AS n FROM sales GROUP BY region",
                Runner.succeed(List.of("region:string", "n:bigint"), List.of(List.of("eu", 3), List.of("us", 5))));
        String jobId = steps.job("daily", steps.definition("SELECT region, count(*) AS n FROM sales GROUP BY region"));
        String runId = steps.startRun(jobId);

        steps.runReady();

        JsonNode run = steps.getRun(runId);
        assertEquals("succeeded", run.path("status").asText(), run.toString());
        assertEquals("success", run.path("termination").path("code").asText());
        assertEquals(100, run.path("progress").asInt());
        List<String> statuses = new ArrayList<>();
        run.path("statusHistory").forEach(s -> statuses.add(s.path("status").asText()));
        assertEquals(List.of("pending", "ready", "starting", "creating_sail", "waiting_for_sail", "creating_runner",
                "running", "succeeded"), statuses);
        JsonNode result = run.path("result");
        assertEquals("region", result.path("columns").path(0).path("name").asText());
        assertEquals("bigint", result.path("columns").path(1).path("type").asText());
        assertEquals("[[\"eu\",3],[\"us\",5]]", result.path("rows").toString());
        assertEquals(1, run.path("metrics").path("engine").path("statements").asInt());
        assertTrue(run.path("metrics").path("phaseMillis").has("running"), run.toString());
        assertTrue(runtime.deleted(runId), "the run's compute is deleted");
        assertEquals(List.of("lake"), runtime.sailOf(runId).catalogs().stream().map(c -> c.name()).toList());
        List<String> logs = steps.logLines(runId);
        assertTrue(logs.contains("runner: connected to " + FakeWorkloadRuntime.SAIL_ENDPOINT), logs.toString());
        assertTrue(logs.contains("sail: Spark Connect server started at " + FakeWorkloadRuntime.SAIL_ENDPOINT), logs.toString());
    }

    @Test
    void run_whenTheEngineRefusesTheSql_endsFailedWithTheEnginesMessage() {
        String message = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found.";
        runtime.script("SELECT * FROM nope", Runner.fail("TABLE_OR_VIEW_NOT_FOUND", message));
        String runId = steps.startRun(steps.job("broken", steps.definition("SELECT * FROM nope")));

        steps.runReady();

        JsonNode run = steps.getRun(runId);
        assertEquals("failed", run.path("status").asText(), run.toString());
        assertEquals("run_execution_error", run.path("termination").path("code").asText());
        assertEquals("client_error", run.path("termination").path("type").asText());
        assertEquals(message, run.path("termination").path("message").asText());
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", run.path("termination").path("errorClass").asText());
        assertEquals(message, run.path("statusReason").asText());
        assertEquals("running", run.path("stage").asText(), "it stopped while running");
        assertTrue(runtime.deleted(runId));
    }

    @Test
    void run_whenReportsComeAfterTheStageWaits_completesTheWaitingStage() {
        runtime.script("SELECT 'held'", Runner.held());
        String runId = steps.startRun(steps.job("held", steps.definition("SELECT 'held'")));
        steps.runReady();
        assertEquals("running", steps.status(runId));
        assertEquals(204, runtime.heartbeat(runId));

        assertEquals(204, runtime.succeed(runId));
        steps.runReady();

        assertEquals("succeeded", steps.status(runId));
        assertEquals(409, runtime.heartbeat(runId), "a report after the end is refused");
    }

    @Test
    void run_whenLongerThanItsTimeout_endsTimeoutAndItsComputeIsDeleted() {
        runtime.script("SELECT 'slow'", Runner.held());
        ObjectNode definition = steps.definition("SELECT 'slow'").put("timeoutSeconds", 60);
        String runId = steps.startRun(steps.job("slow", definition));
        steps.runReady();
        assertEquals("running", steps.status(runId));

        steps.advance(Duration.ofSeconds(30));
        assertEquals(204, runtime.heartbeat(runId));
        steps.advance(Duration.ofSeconds(29));
        assertEquals("running", steps.status(runId), "heartbeats keep it going until its timeout");
        steps.advance(Duration.ofSeconds(2));

        JsonNode run = steps.getRun(runId);
        assertEquals("timeout", run.path("status").asText(), run.toString());
        assertEquals("timeout", run.path("termination").path("code").asText());
        assertTrue(run.path("termination").path("message").asText().contains("60 s"), run.toString());
        assertTrue(runtime.deleted(runId), "the run's compute is deleted");
        assertEquals(409, runtime.succeed(runId), "the runner is told the run is over");
    }

    @Test
    void run_whenTheRunnerStopsReporting_endsFailedOnceItsHeartbeatIsOverdue() {
        runtime.script("SELECT 'lost'", Runner.held());
        String runId = steps.startRun(steps.job("lost", steps.definition("SELECT 'lost'")));
        steps.runReady();

        steps.advance(Duration.ofSeconds(91));

        JsonNode run = steps.getRun(runId);
        assertEquals("failed", run.path("status").asText(), run.toString());
        assertEquals("driver_error", run.path("termination").path("code").asText());
        assertTrue(run.path("statusReason").asText().contains("no heartbeat"), run.toString());
        assertTrue(runtime.deleted(runId));
    }

    @Test
    void run_whenOnlySailKeepsTalking_stillEndsOnceTheRunnersHeartbeatIsOverdue() {
        runtime.script("SELECT 'quiet'", Runner.held());
        String runId = steps.startRun(steps.job("quiet", steps.definition("SELECT 'quiet'")));
        steps.runReady();
        ObjectNode sailLogs = FakeWorkloadRuntime.JSON.createObjectNode().put("type", "logs").put("stream", "sail");
        sailLogs.putArray("lines").add("executor heartbeat");

        steps.advance(Duration.ofSeconds(60));
        assertEquals(204, runtime.postAsSail(runId, sailLogs), "Sail's lines are welcome");
        steps.advance(Duration.ofSeconds(31));

        assertEquals("driver_error", steps.getRun(runId).path("termination").path("code").asText(),
                "but they do not stand in for the runner's heartbeat");
    }

    @Test
    void cancel_whenRunning_endsCancelledAndItsComputeIsDeleted() {
        runtime.script("SELECT 'long'", Runner.held());
        String runId = steps.startRun(steps.job("long", steps.definition("SELECT 'long'")));
        steps.runReady();
        assertEquals("running", steps.status(runId));

        Response cancel = steps.api().post(steps.path("/job-runs/" + runId + "/cancel"), steps.owner.token(), null);
        assertEquals(202, cancel.status(), cancel.toString());
        assertTrue(cancel.json().path("cancelRequested").asBoolean());
        steps.runReady();

        JsonNode run = steps.getRun(runId);
        assertEquals("cancelled", run.path("status").asText(), run.toString());
        assertEquals("user_canceled", run.path("termination").path("code").asText());
        assertTrue(runtime.deleted(runId));
        assertEquals(409, runtime.succeed(runId));
    }

    @Test
    void cancel_whenPending_endsCancelledAtOnceAndNothingIsCreated() {
        String runId = steps.startRun(steps.job("waiting", steps.definition("SELECT 1")));

        Response cancel = steps.api().post(steps.path("/job-runs/" + runId + "/cancel"), steps.owner.token(), null);
        assertEquals(202, cancel.status(), cancel.toString());
        assertEquals("cancelled", cancel.json().path("status").asText());
        steps.runReady();

        assertEquals("cancelled", steps.status(runId));
        assertFalse(runtime.sailCreated(runId), "a run cancelled while pending never gets compute");
        HttpApi.assertError(steps.api().post(steps.path("/job-runs/" + runId + "/cancel"), steps.owner.token(), null),
                409, "Conflict");
    }

    @Test
    void run_whenAnotherVersionIsPromotedMeanwhile_runsTheVersionLiveAtItsCreation() {
        String jobId = steps.job("pinned", steps.definition("SELECT 'v1'"));
        String runId = steps.startRun(jobId);
        ObjectNode draft = HttpApi.JSON.createObjectNode();
        draft.set("definition", steps.definition("SELECT 'v2'"));
        Response v2 = steps.api().post(steps.path("/jobs/" + jobId + "/versions"), steps.owner.token(), draft.toString());
        assertEquals(201, v2.status(), v2.toString());
        assertEquals(2, v2.json().path("versionNumber").asInt());
        Response promoted = steps.api().post(steps.path("/jobs/" + jobId + "/versions/2/promote"), steps.owner.token(), null);
        assertEquals(200, promoted.status(), promoted.toString());
        assertEquals(2, promoted.json().path("liveVersion").asInt());

        steps.runReady();

        assertEquals(1, steps.getRun(runId).path("versionNumber").asInt());
        assertTrue(runtime.runner(runId).runSpecJson().contains("SELECT 'v1'"), runtime.runner(runId).runSpecJson());
        String next = steps.startRun(jobId);
        steps.runReady();
        assertEquals(2, steps.getRun(next).path("versionNumber").asInt());
    }

    @Test
    void retry_whenARunFailed_runsTheSameVersionNamingTheRunItRetries() {
        runtime.script("SELECT 'flaky'", Runner.fail("SparkException", "boom"));
        String jobId = steps.job("flaky", steps.definition("SELECT 'flaky'"));
        String runId = steps.startRun(jobId);
        steps.runReady();
        ObjectNode draft = HttpApi.JSON.createObjectNode();
        draft.set("definition", steps.definition("SELECT 'fixed'"));
        steps.api().post(steps.path("/jobs/" + jobId + "/versions"), steps.owner.token(), draft.toString());
        steps.api().post(steps.path("/jobs/" + jobId + "/versions/2/promote"), steps.owner.token(), null);

        Response retry = steps.api().post(steps.path("/job-runs/" + runId + "/retry"), steps.owner.token(), null);
        assertEquals(201, retry.status(), retry.toString());
        String retryId = retry.json().path("id").asText();
        assertEquals(runId, retry.json().path("retryOf").asText());
        assertEquals("retry", retry.json().path("trigger").path("type").asText());
        assertEquals(1, retry.json().path("versionNumber").asInt());
        steps.runReady();

        assertEquals("failed", steps.status(retryId), "the same version fails the same way");
        assertTrue(runtime.runner(retryId).runSpecJson().contains("SELECT 'flaky'"));
    }

    @Test
    void run_whenItFailsAndTheJobRetries_startsTheNextAttemptAfterTheInterval() {
        runtime.script("SELECT 'again'", Runner.fail("SparkException", "boom"));
        ObjectNode definition = steps.definition("SELECT 'again'");
        definition.putObject("retries").put("maxAttempts", 2).put("intervalSeconds", 30);
        String jobId = steps.job("again", definition);
        String first = steps.startRun(jobId);
        steps.runReady();
        assertEquals("failed", steps.status(first));
        assertEquals(1, runs(jobId).size(), "the retry waits for its interval");

        steps.advance(Duration.ofSeconds(30));
        steps.runReady();

        List<JsonNode> runs = runs(jobId);
        assertEquals(2, runs.size());
        JsonNode second = runs.get(0);
        assertEquals(first, second.path("retryOf").asText());
        assertEquals(2, second.path("attempt").asInt());
        assertEquals("failed", second.path("status").asText());
        assertEquals(second.path("id").asText(), steps.getRun(first).path("retriedBy").asText());
        steps.advance(Duration.ofSeconds(60));
        assertEquals(2, runs(jobId).size(), "two attempts at most");
    }

    @Test
    void run_whenSailFailsToStart_endsFailedWithTheReasonAndCleansUp() {
        runtime.sail(FakeWorkloadRuntime.Sail.FAILED);
        String runId = steps.startRun(steps.job("nosail", steps.definition("SELECT 1")));

        steps.runReady();

        JsonNode run = steps.getRun(runId);
        assertEquals("failed", run.path("status").asText(), run.toString());
        assertEquals("cluster_error", run.path("termination").path("code").asText());
        assertTrue(run.path("statusReason").asText().contains("Address already in use"), run.toString());
        assertTrue(runtime.deleted(runId));
    }

    @Test
    void run_whenSailNeverReports_endsFailedAfterTheSailLimit() {
        runtime.sail(FakeWorkloadRuntime.Sail.SILENT);
        String runId = steps.startRun(steps.job("silent", steps.definition("SELECT 1")));
        steps.runReady();
        assertEquals("waiting_for_sail", steps.status(runId));

        steps.advance(Duration.ofSeconds(300));

        JsonNode run = steps.getRun(runId);
        assertEquals("failed", run.path("status").asText(), run.toString());
        assertEquals("cluster_error", run.path("termination").path("code").asText());
        assertEquals("waiting_for_sail", run.path("stage").asText());
        assertTrue(runtime.deleted(runId));
    }

    private List<JsonNode> runs(String jobId) {
        Response list = steps.api().get(steps.path("/job-runs?jobId=" + jobId), steps.owner.token());
        assertEquals(200, list.status(), list.toString());
        List<JsonNode> runs = new ArrayList<>();
        list.json().path("items").forEach(runs::add);
        return runs;
    }
}
