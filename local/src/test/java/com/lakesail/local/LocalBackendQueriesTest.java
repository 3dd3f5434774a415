package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.AccessSteps.Joined;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saved queries over HTTP: create, read, list, PATCH on the version read, delete, team ownership as
 * for jobs, and a job whose entrypoint names one (resolved when its run starts, recorded on the run).
 */
class LocalBackendQueriesTest {
    private static final String SQL = "SELECT region, sum(amount) AS total FROM lake.sales WHERE day = :day GROUP BY region";
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
    void query_whenCreatedReadPatchedAndDeleted_keepsItsFieldsAndVersions() {
        JsonNode created = create("{\"name\":\"sales\",\"description\":\"by region\",\"sql\":\"" + SQL + "\","
                + "\"parameters\":[{\"name\":\"day\",\"type\":\"date\",\"default\":\"2026-01-01\"}]}");
        String id = created.path("id").asText();
        assertEquals(1, created.path("version").asInt());
        assertEquals(SQL, created.path("sql").asText());
        assertEquals("[{\"name\":\"day\",\"type\":\"date\",\"default\":\"2026-01-01\"}]", created.path("parameters").toString());

        Response patched = steps.api().patch(steps.path("/queries/" + id), steps.owner.token(),
                "{\"sql\":\"SELECT 1 AS one\",\"parameters\":[],\"version\":1}");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(2, patched.json().path("version").asInt());
        assertEquals("sales", patched.json().path("name").asText(), "what a PATCH leaves out stays");
        assertEquals("SELECT 1 AS one", steps.api().get(steps.path("/queries/" + id), steps.owner.token()).json()
                .path("sql").asText());
        assertError(steps.api().patch(steps.path("/queries/" + id), steps.owner.token(), "{\"name\":\"x\",\"version\":1}"), 409,
                "Conflict");
        assertEquals(List.of("version"), steps.api().patch(steps.path("/queries/" + id), steps.owner.token(),
                "{\"name\":\"x\"}").fields());

        assertEquals(204, steps.api().delete(steps.path("/queries/" + id), steps.owner.token()).status());
        assertError(steps.api().get(steps.path("/queries/" + id), steps.owner.token()), 404, "ResourceNotFound");
    }

    @Test
    void query_withBadInput_is400NamingEachField() {
        Response bad = steps.api().post(steps.path("/queries"), steps.owner.token(),
                "{\"name\":\"\",\"sql\":\" \",\"parameters\":[{\"name\":\"1day\",\"type\":\"when\"}],\"teamId\":\"tea_nope\"}");

        assertError(bad, 400, "ValidationError");
        assertTrue(bad.fields().containsAll(List.of("name", "sql", "parameters[0].name", "parameters[0].type", "teamId")),
                bad.fields().toString());
    }

    @Test
    void teamQueries_whenABindingIsScopedToTheTeam_areItsMembersAlone() {
        AccessSteps access = new AccessSteps(steps.api());
        String teamA = access.createTeam(steps.owner, steps.org, "a");
        String teamB = access.createTeam(steps.owner, steps.org, "b");
        Joined analyst = access.join(steps.owner, steps.org);
        assertEquals(201, access.bind(steps.owner, steps.org, "analyst", "member", analyst.memberId(), teamA).status());
        String ofA = create("{\"name\":\"a\",\"teamId\":\"" + teamA + "\",\"sql\":\"SELECT 1\"}").path("id").asText();
        String ofB = create("{\"name\":\"b\",\"teamId\":\"" + teamB + "\",\"sql\":\"SELECT 2\"}").path("id").asText();

        assertEquals(200, steps.api().get(steps.path("/queries/" + ofA), analyst.token()).status());
        assertError(steps.api().get(steps.path("/queries/" + ofB), analyst.token()), 403, "AccessDenied");
        assertEquals(1, steps.api().get(steps.path("/queries?teamId=" + teamA), analyst.token()).json().path("items").size());
        assertError(steps.api().get(steps.path("/queries"), analyst.token()), 403, "AccessDenied");
        assertError(steps.api().patch(steps.path("/queries/" + ofA), analyst.token(), "{\"teamId\":\"" + teamB
                + "\",\"version\":1}"), 403, "AccessDenied");
        assertEquals(201, steps.api().post(steps.path("/queries"), analyst.token(), "{\"name\":\"mine\",\"teamId\":\"" + teamA
                + "\",\"sql\":\"SELECT 3\"}").status());
    }

    @Test
    void job_namingASavedQuery_runsItAsResolvedWhenTheRunStarted() throws Exception {
        String queryId = create("{\"name\":\"sales\",\"sql\":\"" + SQL + "\",\"parameters\":[{\"name\":\"day\",\"type\":\"date\","
                + "\"default\":\"2026-01-01\"},{\"name\":\"region\",\"type\":\"string\",\"default\":\"eu\"}]}").path("id").asText();
        ObjectNode definition = steps.definition("unused");
        definition.putObject("entrypoint").put("type", "sql").put("queryId", queryId);
        definition.putArray("parameters").addObject().put("name", "day").put("type", "date");
        String jobId = steps.job("from a query", definition);
        String runId = steps.run(steps.owner.token(), jobId, "{\"parameters\":{\"day\":\"2026-02-03\"}}").json().path("id")
                .asText();

        steps.runReady();

        JsonNode run = steps.getRun(runId);
        assertEquals("succeeded", run.path("status").asText(), run.toString());
        assertEquals(queryId, run.path("query").path("queryId").asText());
        assertEquals(1, run.path("query").path("version").asInt());
        assertEquals(SQL, run.path("query").path("sql").asText());
        JsonNode spec = FakeWorkloadRuntime.JSON.readTree(runtime.runner(runId).runSpecJson());
        assertEquals("[\"" + SQL + "\"]", spec.path("entrypoint").path("statements").toString());
        assertEquals("{\"day\":\"2026-02-03\",\"region\":\"eu\"}", spec.path("parameters").toString(),
                "the run's parameters over the query's defaults");

        assertEquals(200, steps.api().patch(steps.path("/queries/" + queryId), steps.owner.token(),
                "{\"sql\":\"SELECT 2\",\"version\":1}").status());
        assertEquals(SQL, steps.getRun(runId).path("query").path("sql").asText(), "a run keeps what it ran");
    }

    @Test
    void job_namingAQueryThatIsGone_is400_andARunOfOneDeletedSinceFailsWithTheReason() {
        ObjectNode definition = steps.definition("unused");
        definition.putObject("entrypoint").put("type", "sql").put("queryId", "qry_nope");
        Response refused = steps.createJob(steps.owner.token(), "nope", definition);
        assertEquals(List.of("definition.entrypoint.queryId"), refused.fields());

        String queryId = create("{\"name\":\"gone\",\"sql\":\"SELECT 1\"}").path("id").asText();
        definition.putObject("entrypoint").put("type", "sql").put("queryId", queryId);
        String jobId = steps.job("soon gone", definition);
        assertEquals(204, steps.api().delete(steps.path("/queries/" + queryId), steps.owner.token()).status());
        String runId = steps.startRun(jobId);

        steps.runReady();

        JsonNode run = steps.getRun(runId);
        assertEquals("failed", run.path("status").asText());
        assertEquals("resource_not_found", run.path("termination").path("code").asText());
        assertEquals("saved query " + queryId + " no longer exists", run.path("termination").path("message").asText());
    }

    private JsonNode create(String body) {
        Response created = steps.api().post(steps.path("/queries"), steps.owner.token(), body);
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }
}
