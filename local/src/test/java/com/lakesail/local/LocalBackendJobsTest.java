package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.FakeWorkloadRuntime.Runner;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs over HTTP: what a create shows, versions (drafts, promotion, rollback, immutability), PATCH
 * with its version lock, pause and resume, delete (which cancels active runs), bad input naming
 * its field, and another organization's ids answering 404.
 */
class LocalBackendJobsTest {
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
    void create_whenValid_publishesVersionOneLiveWithTheDefaultsFilledIn() {
        ObjectNode definition = steps.definition("SELECT * FROM t WHERE day = :day");
        definition.putArray("parameters").addObject().put("name", "day").put("type", "date").put("default", "2026-01-01");
        Response created = steps.createJob(steps.owner.token(), "daily", definition.put("timeoutSeconds", 600));
        assertEquals(201, created.status(), created.toString());
        JsonNode job = created.json();
        assertEquals("active", job.path("status").asText());
        assertEquals(1, job.path("liveVersion").asInt());
        assertTrue(job.path("draftVersion").isNull());
        assertEquals(1, job.path("version").asInt());

        JsonNode v1 = get("/jobs/" + job.path("id").asText() + "/versions/1");
        assertEquals("live", v1.path("status").asText());
        JsonNode d = v1.path("definition");
        assertEquals(steps.clusterId, d.path("clusterId").asText());
        assertEquals(600, d.path("timeoutSeconds").asInt());
        assertEquals("{\"name\":\"day\",\"type\":\"date\",\"default\":\"2026-01-01\"}", d.path("parameters").path(0).toString());
        assertEquals("{\"driver\":{\"cpu\":2,\"memoryGiB\":4},\"worker\":{\"cpu\":2,\"memoryGiB\":4},\"maxWorkers\":2}",
                d.path("compute").toString());
        assertEquals("{\"maxAttempts\":1,\"intervalSeconds\":60,\"onTimeout\":\"stop\"}", d.path("retries").toString());
        assertEquals(steps.owner.userId(), v1.path("createdBy").asText());
    }

    @Test
    void versions_whenDraftedAndPromoted_moveLiveAndKeepEveryDefinition() {
        String jobId = steps.job("evolving", steps.definition("SELECT 1"));
        JsonNode v2 = draft(jobId, "SELECT 2", 1);
        assertEquals("draft", v2.path("status").asText());
        assertEquals(1, v2.path("basedOn").asInt());
        JsonNode job = get("/jobs/" + jobId);
        assertEquals(1, job.path("liveVersion").asInt());
        assertEquals(2, job.path("draftVersion").asInt());

        assertEquals(200, promote(jobId, 2).status());
        job = get("/jobs/" + jobId);
        assertEquals(2, job.path("liveVersion").asInt());
        assertTrue(job.path("draftVersion").isNull());
        assertEquals("retired", get("/jobs/" + jobId + "/versions/1").path("status").asText());
        assertEquals("[\"SELECT 1\"]", get("/jobs/" + jobId + "/versions/1").path("definition").path("entrypoint")
                .path("statements").toString(), "a past version never changes");

        assertEquals(200, promote(jobId, 1).status(), "a rollback promotes a retired version");
        assertEquals(1, get("/jobs/" + jobId).path("liveVersion").asInt());
        HttpApi.assertError(promote(jobId, 1), 409, "Conflict");
        HttpApi.assertError(promote(jobId, 9), 404, "ResourceNotFound");
        JsonNode versions = get("/jobs/" + jobId + "/versions");
        assertEquals(2, versions.path("items").size());
        Response badBase = steps.api().post(steps.path("/jobs/" + jobId + "/versions"), steps.owner.token(),
                "{\"definition\":" + steps.definition("SELECT 3") + ",\"basedOn\":7}");
        HttpApi.assertError(badBase, 400, "ValidationError");
        assertEquals(List.of("basedOn"), badBase.fields());
    }

    @Test
    void patch_whenTheVersionIsStale_answers409AndAppliesOtherwise() {
        String jobId = steps.job("renamed", steps.definition("SELECT 1"));
        Response renamed = steps.api().patch(steps.path("/jobs/" + jobId), steps.owner.token(),
                "{\"name\":\"nightly\",\"description\":\"runs at night\",\"version\":1}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("nightly", renamed.json().path("name").asText());
        assertEquals(2, renamed.json().path("version").asInt());
        HttpApi.assertError(steps.api().patch(steps.path("/jobs/" + jobId), steps.owner.token(),
                "{\"name\":\"again\",\"version\":1}"), 409, "Conflict");
        Response noVersion = steps.api().patch(steps.path("/jobs/" + jobId), steps.owner.token(), "{\"name\":\"x\"}");
        assertEquals(List.of("version"), noVersion.fields());
        Response badTeam = steps.api().patch(steps.path("/jobs/" + jobId), steps.owner.token(),
                "{\"teamId\":\"team_nope\",\"version\":2}");
        assertEquals(List.of("teamId"), badTeam.fields());
    }

    @Test
    void pauseAndResume_whenRepeated_answer409AndAManualRunStillRuns() {
        String jobId = steps.job("paused", steps.definition("SELECT 1"));
        Response paused = steps.api().post(steps.path("/jobs/" + jobId + "/pause"), steps.owner.token(), null);
        assertEquals(200, paused.status(), paused.toString());
        assertEquals("paused", paused.json().path("status").asText());
        HttpApi.assertError(steps.api().post(steps.path("/jobs/" + jobId + "/pause"), steps.owner.token(), null), 409, "Conflict");
        String runId = steps.startRun(jobId);
        steps.runReady();
        assertEquals("succeeded", steps.status(runId));
        assertEquals("active", steps.api().post(steps.path("/jobs/" + jobId + "/resume"), steps.owner.token(), null)
                .json().path("status").asText());
    }

    @Test
    void delete_whenRunsAreActive_cancelsThemFirst() {
        runtime.script("SELECT 'held'", Runner.held());
        String jobId = steps.job("doomed", steps.definition("SELECT 'held'"));
        String running = steps.startRun(jobId);
        steps.runReady();
        String pending = steps.startRun(jobId);
        assertEquals("running", steps.status(running));

        assertEquals(204, steps.api().delete(steps.path("/jobs/" + jobId), steps.owner.token()).status());
        steps.runReady();

        assertEquals("cancelled", steps.status(pending));
        assertEquals("cancelled", steps.status(running));
        assertTrue(runtime.deleted(running));
        HttpApi.assertError(steps.api().get(steps.path("/jobs/" + jobId), steps.owner.token()), 404, "ResourceNotFound");
        HttpApi.assertError(steps.api().get(steps.path("/jobs/" + jobId + "/versions/1"), steps.owner.token()), 404,
                "ResourceNotFound");
        HttpApi.assertError(steps.run(steps.owner.token(), jobId, null), 404, "ResourceNotFound");
    }

    @Test
    void create_whenTheInputIsBad_answers400NamingEachField() {
        assertFields(steps.definition("SELECT 1").put("clusterId", "clu_nope"), "definition.clusterId");
        ObjectNode badCatalog = steps.definition("SELECT 1");
        badCatalog.putArray("catalogIds").add("cat_nope");
        assertFields(badCatalog, "definition.catalogIds[0]");
        assertFields(steps.definition(), "definition.entrypoint.statements");
        assertFields(steps.definition("  "), "definition.entrypoint.statements[0]");
        assertFields(steps.definition("SELECT 1").put("timeoutSeconds", -5), "definition.timeoutSeconds");
        ObjectNode jar = steps.definition("SELECT 1");
        jar.putObject("entrypoint").put("type", "jar").put("location", "s3://acme-jobs/app.jar");
        assertFields(jar, "definition.entrypoint.mainClass");
        ObjectNode conf = steps.definition("SELECT 1");
        conf.putObject("sparkConf").put("spark.master", "local[*]");
        assertFields(conf, "definition.sparkConf.spark.master");
        ObjectNode param = steps.definition("SELECT 1");
        param.putArray("parameters").addObject().put("name", "n").put("type", "bigint").put("default", "ten");
        assertFields(param, "definition.parameters[0].default");
        ObjectNode retries = steps.definition("SELECT 1");
        retries.putObject("retries").put("maxAttempts", 0).put("onTimeout", "sometimes");
        assertFields(retries, "definition.retries.maxAttempts", "definition.retries.onTimeout");
        ObjectNode unknown = steps.definition("SELECT 1").put("schedul", "0 * * * *");
        assertFields(unknown, "definition.schedul");
        Response noName = steps.api().post(steps.path("/jobs"), steps.owner.token(),
                "{\"definition\":" + steps.definition("SELECT 1") + "}");
        assertEquals(List.of("name"), noName.fields());
    }

    @Test
    void run_whenParametersAreUndeclaredOrMistyped_answers400NamingThem() {
        ObjectNode definition = steps.definition("SELECT :n, :day");
        definition.putArray("parameters").addObject().put("name", "n").put("type", "bigint").put("default", 1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) definition.path("parameters")).addObject()
                .put("name", "day").put("type", "date");
        String jobId = steps.job("params", definition);

        Response unknown = steps.run(steps.owner.token(), jobId, "{\"parameters\":{\"day\":\"2026-02-01\",\"limit\":5}}");
        HttpApi.assertError(unknown, 400, "ValidationError");
        assertEquals(List.of("parameters.limit"), unknown.fields());
        Response missing = steps.run(steps.owner.token(), jobId, "{\"parameters\":{\"n\":2}}");
        assertEquals(List.of("parameters.day"), missing.fields());
        Response mistyped = steps.run(steps.owner.token(), jobId, "{\"parameters\":{\"day\":\"yesterday\",\"n\":\"2\"}}");
        assertEquals(List.of("parameters.n", "parameters.day"), mistyped.fields(), "in the order they are declared");

        Response ok = steps.run(steps.owner.token(), jobId, "{\"parameters\":{\"day\":\"2026-02-01\"}}");
        assertEquals(201, ok.status(), ok.toString());
        assertEquals("{\"day\":\"2026-02-01\",\"n\":1}", ok.json().path("parameters").toString());
        steps.runReady();
        assertTrue(runtime.runner(ok.json().path("id").asText()).runSpecJson()
                .contains("\"parameters\":{\"day\":\"2026-02-01\",\"n\":1}"));
    }

    @Test
    void jobsAndRuns_whenAnotherOrganizationAsks_answer404() {
        String jobId = steps.job("mine", steps.definition("SELECT 1"));
        String runId = steps.startRun(jobId);
        Account stranger = steps.api().signup();
        String theirs = stranger.organizationId();
        for (String path : List.of("/jobs/" + jobId, "/jobs/" + jobId + "/versions", "/jobs/" + jobId + "/versions/1",
                "/job-runs/" + runId, "/job-runs/" + runId + "/logs")) {
            HttpApi.assertError(steps.api().get(InfraSteps.path(theirs, path), stranger.token()), 404, "ResourceNotFound");
            HttpApi.assertError(steps.api().get(steps.path(path), stranger.token()), 404, "ResourceNotFound");
        }
        HttpApi.assertError(steps.api().post(InfraSteps.path(theirs, "/jobs/" + jobId + "/runs"), stranger.token(), null),
                404, "ResourceNotFound");
        HttpApi.assertError(steps.api().post(InfraSteps.path(theirs, "/job-runs/" + runId + "/cancel"), stranger.token(), null),
                404, "ResourceNotFound");
        ObjectNode body = HttpApi.JSON.createObjectNode().put("name", "theirs");
        body.set("definition", steps.definition("SELECT 1"));
        Response theirJob = steps.api().post(InfraSteps.path(theirs, "/jobs"), stranger.token(), body.toString());
        assertEquals(List.of("definition.clusterId", "definition.catalogIds[0]"), theirJob.fields(),
                "another organization's cluster and catalog are unknown");
        assertEquals(List.of(), items(steps.api().get(InfraSteps.path(theirs, "/job-runs"), stranger.token()).json()));
    }

    @Test
    void list_whenFilteredByJobAndStatus_showsNewestFirst() {
        runtime.script("SELECT 'bad'", Runner.fail("X", "no"));
        String good = steps.job("good", steps.definition("SELECT 1"));
        String bad = steps.job("bad", steps.definition("SELECT 'bad'"));
        String first = steps.startRun(good);
        clock.advance(java.time.Duration.ofSeconds(1));
        String second = steps.startRun(good);
        String failed = steps.startRun(bad);
        steps.runReady();

        assertEquals(List.of(second, first), items(get("/job-runs?jobId=" + good)));
        assertEquals(List.of(failed), items(get("/job-runs?status=failed")));
        assertEquals(3, items(get("/job-runs")).size());
        Response badStatus = steps.api().get(steps.path("/job-runs?status=done"), steps.owner.token());
        assertEquals(List.of("status"), badStatus.fields());
        assertEquals(2, items(get("/jobs")).size());
    }

    private void assertFields(ObjectNode definition, String... fields) {
        Response response = steps.createJob(steps.owner.token(), "bad", definition);
        HttpApi.assertError(response, 400, "ValidationError");
        assertEquals(List.of(fields), response.fields());
    }

    private JsonNode draft(String jobId, String statement, int basedOn) {
        Response created = steps.api().post(steps.path("/jobs/" + jobId + "/versions"), steps.owner.token(),
                "{\"definition\":" + steps.definition(statement) + ",\"basedOn\":" + basedOn + "}");
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private Response promote(String jobId, int n) {
        return steps.api().post(steps.path("/jobs/" + jobId + "/versions/" + n + "/promote"), steps.owner.token(), null);
    }

    private JsonNode get(String rest) {
        Response response = steps.api().get(steps.path(rest), steps.owner.token());
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static List<String> items(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
