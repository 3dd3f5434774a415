package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.RunnerSpec;
import com.lakesail.local.FakeWorkloadRuntime.Runner;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner's side of the protocol: {@code POST /v1/callbacks/job-runs/{runId}/events} accepts only
 * the run's own callback credential, refuses reports once the run has ended, names malformed fields,
 * and what the runner reports (progress, logs) is what a reader sees, followable while the run goes.
 */
class LocalBackendJobCallbacksTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeWorkloadRuntime runtime = new FakeWorkloadRuntime();
    private LocalBackend backend;
    private JobSteps steps;
    private String runId;

    @BeforeEach
    void startARunningRun() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0)
                .sandboxTimings(SandboxTimings.instant()).workloadRuntime(runtime).start();
        steps = new JobSteps(backend, clock);
        runtime.script("SELECT 'held'", Runner.held());
        runId = steps.startRun(steps.job("held", steps.definition("SELECT 'held'")));
        steps.runReady();
        assertEquals("running", steps.status(runId));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private Response post(String run, String token, String body) {
        return steps.api().post("/v1/callbacks/job-runs/" + run + "/events", token, body);
    }

    private String runnerToken() {
        return runtime.runner(runId).callback().token();
    }

    @Test
    void events_whenTheCredentialIsMissingWrongOrAUserToken_answer401() {
        HttpApi.assertError(post(runId, null, "{\"type\":\"heartbeat\"}"), 401, "Unauthenticated");
        HttpApi.assertError(post(runId, "lsc_" + "A".repeat(43), "{\"type\":\"heartbeat\"}"), 401, "Unauthenticated");
        HttpApi.assertError(post(runId, steps.owner.token(), "{\"type\":\"heartbeat\"}"), 401, "Unauthenticated");
        HttpApi.assertError(post(runId, runnerToken().substring(0, 20), "{\"type\":\"succeeded\"}"), 401, "Unauthenticated");
        assertEquals("running", steps.status(runId), "nothing was accepted");
    }

    @Test
    void events_whenTheCredentialIsAnotherRunsOrForTheSail_answer401() {
        String other = steps.startRun(steps.job("other", steps.definition("SELECT 'held'")));
        steps.runReady();
        HttpApi.assertError(post(other, runnerToken(), "{\"type\":\"succeeded\"}"), 401, "Unauthenticated");
        String sailToken = runtime.sailOf(runId).callback().token();
        HttpApi.assertError(post(runId, sailToken, "{\"type\":\"succeeded\"}"), 401, "Unauthenticated");
        HttpApi.assertError(post(runId, runnerToken(), "{\"type\":\"sail_ready\",\"endpoint\":\"sc://x:1\"}"), 401,
                "Unauthenticated");
        assertEquals("running", steps.status(other));
        assertEquals("running", steps.status(runId));
    }

    @Test
    void events_whenMalformed_answer400NamingTheField() {
        Response noType = post(runId, runnerToken(), "{\"kind\":\"heartbeat\"}");
        HttpApi.assertError(noType, 400, "ValidationError");
        assertEquals(List.of("type"), noType.fields());
        Response badRows = post(runId, runnerToken(),
                "{\"type\":\"succeeded\",\"result\":{\"columns\":[{\"name\":\"n\",\"type\":\"int\"}],\"rows\":[[1,2]]}}");
        HttpApi.assertError(badRows, 400, "ValidationError");
        assertEquals(List.of("result.rows[0]"), badRows.fields());
        Response noMessage = post(runId, runnerToken(), "{\"type\":\"failed\",\"errorClass\":\"X\"}");
        assertEquals(List.of("message"), noMessage.fields());
        Response stream = post(runId, runnerToken(), "{\"type\":\"logs\",\"stream\":\"stdout\",\"lines\":[\"a\"]}");
        assertEquals(List.of("stream"), stream.fields());
        HttpApi.assertError(post(runId, runnerToken(), "not json"), 400, "ValidationError");
        assertEquals("running", steps.status(runId));
    }

    @Test
    void events_whenTheRunEnded_answer409AndCredentialsOutliveNothing() {
        assertEquals(204, runtime.succeed(runId));
        steps.runReady();
        assertEquals("succeeded", steps.status(runId));
        HttpApi.assertError(post(runId, runnerToken(), "{\"type\":\"heartbeat\"}"), 409, "Conflict");
        HttpApi.assertError(post(runId, runtime.sailOf(runId).callback().token(), "{\"type\":\"heartbeat\"}"), 409,
                "Conflict");
    }

    @Test
    void events_whenTheRunnerReportsProgressAndLogs_aReaderFollowsThemUntilTheEnd() {
        assertEquals(204, post(runId, runnerToken(), "{\"type\":\"progress\",\"step\":2,\"steps\":4,\"message\":\"statement 2 of 4\"}").status());
        JsonNode run = steps.getRun(runId);
        assertEquals("statement 2 of 4", run.path("runnerProgress").path("message").asText());
        assertTrue(run.path("progress").asInt() > 70 && run.path("progress").asInt() < 100, run.toString());

        Response first = steps.api().get(steps.path("/job-runs/" + runId + "/logs?limit=1"), steps.owner.token());
        assertEquals(200, first.status(), first.toString());
        assertEquals("connected to " + FakeWorkloadRuntime.SAIL_ENDPOINT, first.json().path("items").path(0).path("message").asText());
        String cursor = first.json().path("nextToken").asText();
        Response caughtUp = steps.api().get(steps.path("/job-runs/" + runId + "/logs?nextToken=" + cursor), steps.owner.token());
        assertEquals(List.of(), items(caughtUp.json()));
        String follow = caughtUp.json().path("nextToken").asText(null);
        assertFalse(follow == null, "a running run's log has a cursor to follow");

        ObjectNode more = FakeWorkloadRuntime.JSON.createObjectNode().put("type", "logs").put("stream", "runner");
        more.putArray("lines").add("statement 2 done").add("x".repeat(20_000));
        assertEquals(204, runtime.post(runId, more));
        Response next = steps.api().get(steps.path("/job-runs/" + runId + "/logs?nextToken=" + follow), steps.owner.token());
        List<String> lines = items(next.json());
        assertEquals("statement 2 done", lines.get(0));
        assertEquals(16 * 1024 + 1, lines.get(1).length(), "an overlong line is cut");

        assertEquals(204, runtime.succeed(runId));
        steps.runReady();
        Response last = steps.api().get(steps.path("/job-runs/" + runId + "/logs?nextToken=" + next.json().path("nextToken").asText()),
                steps.owner.token());
        assertEquals(List.of("Spark Connect server started at " + FakeWorkloadRuntime.SAIL_ENDPOINT), items(last.json()),
                "Sail's log joins at cleanup");
        assertNull(last.json().get("nextToken"), "an ended run's log ends");
        HttpApi.assertError(steps.api().get(steps.path("/job-runs/" + runId + "/logs?nextToken=garbage"), steps.owner.token()),
                400, "ValidationError");
    }

    @Test
    void events_whenABatchIsLargerThanAnApiBody_areAcceptedUpToTheCallbackLimit() {
        ObjectNode batch = FakeWorkloadRuntime.JSON.createObjectNode().put("type", "logs").put("stream", "runner");
        for (int i = 0; i < 200; i++) {
            batch.withArray("lines").add("line " + i + " " + "y".repeat(1000));
        }
        assertEquals(204, runtime.post(runId, batch), "200 KB of log lines in one report");
        ObjectNode huge = FakeWorkloadRuntime.JSON.createObjectNode().put("type", "logs").put("stream", "runner");
        for (int i = 0; i < 80; i++) {
            huge.withArray("lines").add("z".repeat(15_000));
        }
        HttpApi.assertError(post(runId, runnerToken(), huge.toString()), 413, "PayloadTooLarge");
    }

    @Test
    void runner_whenStarted_getsTheProtocolsEnvironment() throws Exception {
        RunnerSpec spec = runtime.runner(runId);
        assertEquals(FakeWorkloadRuntime.SAIL_ENDPOINT, spec.environment().get("SPARK_REMOTE"));
        assertEquals(backend.endpoint() + "/v1/callbacks/job-runs/" + runId, spec.environment().get("LAKESAIL_CALLBACK_URL"));
        assertTrue(spec.environment().get("LAKESAIL_CALLBACK_TOKEN").startsWith("lsc_"));
        JsonNode runSpec = HttpApi.JSON.readTree(spec.environment().get("LAKESAIL_RUN_SPEC"));
        assertEquals(runId, runSpec.path("runId").asText());
        assertEquals("{\"type\":\"sql\",\"statements\":[\"SELECT 'held'\"]}", runSpec.path("entrypoint").toString());
        assertEquals(100, runSpec.path("previewRows").asInt());
        assertEquals(20, runSpec.path("heartbeatSeconds").asInt());
        assertFalse(spec.toString().contains(spec.callback().token()), "specs never print the credential");
    }

    private static List<String> items(JsonNode page) {
        List<String> lines = new java.util.ArrayList<>();
        page.path("items").forEach(i -> lines.add(i.path("message").asText()));
        return lines;
    }
}
