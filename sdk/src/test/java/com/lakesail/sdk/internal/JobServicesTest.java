package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.exception.ValidationException;
import com.lakesail.sdk.jobs.Compute;
import com.lakesail.sdk.jobs.Entrypoint;
import com.lakesail.sdk.jobs.Job;
import com.lakesail.sdk.jobs.JobParameter;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.JobRunStatus;
import com.lakesail.sdk.jobs.JobStatus;
import com.lakesail.sdk.jobs.JobVersion;
import com.lakesail.sdk.jobs.JobVersionStatus;
import com.lakesail.sdk.jobs.LogLine;
import com.lakesail.sdk.jobs.ParameterType;
import com.lakesail.sdk.jobs.ResultPreview;
import com.lakesail.sdk.jobs.RunLogs;
import com.lakesail.sdk.jobs.RunRetries;
import com.lakesail.sdk.jobs.TerminationCode;
import com.lakesail.sdk.testing.FakeClock;
import com.lakesail.sdk.testing.RecordingSleeper;
import com.lakesail.sdk.testing.StubServer;
import com.lakesail.sdk.waiter.ResourceFailedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobServicesTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test").organization("org_1")
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    private static final String JOB = """
            {"id": "job_1", "name": "daily", "description": null, "teamId": "team_1", "status": "active",
             "liveVersion": 1, "draftVersion": null, "latestVersion": 1,
             "createdAt": "2030-01-01T00:00:00Z", "updatedAt": "2030-01-01T00:00:00Z", "version": 1}""";

    private static String run(String status, String stage, String termination, String result) {
        return """
                {"id": "jrn_1", "jobId": "job_1", "versionNumber": 1, "trigger": {"type": "manual", "runId": null},
                 "attempt": 1, "retryOf": null, "retriedBy": null, "parameters": {"day": "2030-01-01"},
                 "status": "%s", "statusReason": null, "stage": "%s", "progress": 70,
                 "statusHistory": [{"status": "pending", "at": "2030-01-01T00:00:00Z"}],
                 "termination": %s, "cancelRequested": false, "runnerProgress": null,
                 "metrics": {"phaseMillis": {"pending": 120}, "engine": {}}, "hasResult": %s, "result": %s,
                 "createdBy": "usr_1", "createdAt": "2030-01-01T00:00:00Z", "updatedAt": "2030-01-01T00:00:00Z",
                 "version": 3}""".formatted(status, stage, termination, result != null, result);
    }

    private List<String> methodsAndPaths() {
        return server.requests().stream().map(r -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()))
                .collect(Collectors.toList());
    }

    @Test
    void create_whenGivenADefinition_postsItWithLowerSnakeEnumsAndAnIdempotencyKey() {
        server.reply(201, JOB);

        Job job = lakesail.jobs().create(r -> r.name("daily").teamId("team_1").definition(d -> d.clusterId("clu_1")
                .catalogIds("cat_1").sql("SELECT :day").parameter(JobParameter.of("day", ParameterType.DATE, "2030-01-01"))
                .compute(new Compute(new Compute.Size(4, 8), null, 0))
                .retries(new RunRetries(3, 30, RunRetries.OnTimeout.RETRY)).timeoutSeconds(600)));

        assertEquals("POST /v1/orgs/org_1/jobs", methodsAndPaths().get(0));
        assertEquals("{\"name\":\"daily\",\"teamId\":\"team_1\",\"definition\":{\"clusterId\":\"clu_1\",\"catalogIds\":"
                + "[\"cat_1\"],\"entrypoint\":{\"type\":\"sql\",\"statements\":[\"SELECT :day\"]},\"parameters\":[{\"name\":"
                + "\"day\",\"type\":\"date\",\"default\":\"2030-01-01\"}],\"compute\":{\"driver\":{\"cpu\":4,\"memoryGiB\":8},"
                + "\"maxWorkers\":0},\"timeoutSeconds\":600,\"retries\":{\"maxAttempts\":3,\"intervalSeconds\":30,"
                + "\"onTimeout\":\"retry\"}}}", server.request(0).body());
        assertNotNull(server.request(0).header("Idempotency-Key"));
        assertEquals(JobStatus.ACTIVE, job.status());
        assertNull(job.draftVersion());
    }

    @Test
    void versionsAndPromote_whenCalled_useTheRoutesAndReadTheDefinitionBack() {
        server.reply(201, """
                {"jobId": "job_1", "versionNumber": 2, "status": "draft", "basedOn": 1, "createdBy": "usr_1",
                 "definition": {"clusterId": "clu_1", "catalogIds": [], "entrypoint": {"type": "jar",
                   "location": "s3://acme-jobs/etl.jar", "mainClass": "com.acme.Etl", "arguments": ["a"]},
                   "parameters": [{"name": "n", "type": "bigint", "default": 10}], "sparkConf": {},
                   "compute": {"driver": {"cpu": 2, "memoryGiB": 4}, "worker": {"cpu": 2, "memoryGiB": 4}, "maxWorkers": 2},
                   "timeoutSeconds": 86400, "retries": {"maxAttempts": 1, "intervalSeconds": 60, "onTimeout": "stop"}},
                 "createdAt": "2030-01-01T00:00:00Z", "promotedAt": null, "version": 1}""");
        server.reply(200, JOB.replace("\"liveVersion\": 1", "\"liveVersion\": 2"));

        JobVersion v2 = lakesail.jobs().createVersion(r -> r.jobId("job_1").basedOn(1)
                .definition(d -> d.clusterId("clu_1").entrypoint(Entrypoint.jar("s3://acme-jobs/etl.jar", "com.acme.Etl", "a"))));
        Job promoted = lakesail.jobs().promote("job_1", 2);

        assertEquals(List.of("POST /v1/orgs/org_1/jobs/job_1/versions", "POST /v1/orgs/org_1/jobs/job_1/versions/2/promote"),
                methodsAndPaths());
        assertNull(server.request(1).header("Idempotency-Key"), "a promotion is no create");
        assertEquals(JobVersionStatus.DRAFT, v2.status());
        assertEquals("com.acme.Etl", v2.definition().entrypoint().mainClass());
        assertEquals(10, ((Number) v2.definition().parameters().get(0).defaultValue()).intValue());
        assertEquals(2, promoted.liveVersion());
    }

    @Test
    void run_whenWaitedOn_reportsEveryStateChangeOnceAndReturnsTheTerminalRun() {
        server.reply(201, run("pending", "pending", "null", null));
        server.reply(200, run("creating_sail", "creating_sail", "null", null));
        server.reply(200, run("running", "running", "null", null));
        server.reply(200, run("running", "running", "null", null));
        server.reply(200, run("succeeded", "succeeded", "{\"code\": \"success\", \"type\": \"success\", \"message\": null}",
                "{\"columns\": [{\"name\": \"day\", \"type\": \"date\"}, {\"name\": \"total\", \"type\": \"decimal(10,2)\"},"
                        + " {\"name\": \"n\", \"type\": \"bigint\"}], \"rows\": [[\"2030-01-01\", \"12.50\", 3], [null, \"0.00\", 0]],"
                        + " \"truncated\": false}"));
        List<JobRunStatus> seen = new ArrayList<>();

        JobRunHandle handle = lakesail.jobs().run(r -> r.jobId("job_1").parameter("day", "2030-01-01"));
        JobRun done = handle.waitUntilTerminal(w -> w.timeout(Duration.ofHours(6)).clock(clock).sleeper(sleeper)
                .onProgress(JobRunHandle.changes(r -> seen.add(r.status()))));

        assertEquals("{\"parameters\":{\"day\":\"2030-01-01\"}}", server.request(0).body());
        assertNotNull(server.request(0).header("Idempotency-Key"));
        assertEquals(List.of(JobRunStatus.CREATING_SAIL, JobRunStatus.RUNNING, JobRunStatus.SUCCEEDED), seen);
        assertTrue(done.status().isTerminal());
        assertEquals(TerminationCode.SUCCESS, done.termination().code());
        ResultPreview result = done.result();
        assertEquals(LocalDate.parse("2030-01-01"), result.rows().get(0).getDate("day"));
        assertEquals(new BigDecimal("12.50"), result.rows().get(0).getDecimal("total"));
        assertEquals(3L, result.rows().get(0).getLong("n"));
        assertTrue(result.rows().get(1).isNull("day"));
        assertEquals(Duration.ofMillis(120), done.metrics().timeIn(JobRunStatus.PENDING).orElseThrow());
    }

    @Test
    void waitUntilSucceeded_whenTheRunFails_throwsWithTheStageAndTheEnginesMessage() {
        server.reply(200, run("failed", "running",
                "{\"code\": \"run_execution_error\", \"type\": \"client_error\", \"message\": \"[DIVIDE_BY_ZERO] x\"}", null)
                .replace("\"statusReason\": null", "\"statusReason\": \"[DIVIDE_BY_ZERO] x\""));

        ResourceFailedException e = assertThrows(ResourceFailedException.class,
                () -> lakesail.jobRuns().handle("jrn_1").waitUntilSucceeded(Duration.ofHours(1)));

        assertEquals("failed", e.status());
        assertEquals("running", e.stage());
        assertEquals("[DIVIDE_BY_ZERO] x", e.statusReason());
        assertEquals(TerminationCode.RUN_EXECUTION_ERROR, ((JobRun) e.resource()).termination().code());
    }

    @Test
    void listCancelRetry_whenCalled_useTheirRoutesAndQueries() {
        server.reply(200, "{\"items\": [" + run("failed", "running", "null", null) + "]}");
        server.reply(202, run("running", "running", "null", null).replace("\"cancelRequested\": false", "\"cancelRequested\": true"));
        server.reply(201, run("pending", "pending", "null", null));

        List<JobRun> failed = lakesail.jobRuns().list(r -> r.jobId("job_1").status(JobRunStatus.FAILED)).stream().toList();
        JobRunHandle cancelled = lakesail.jobRuns().cancel("jrn_1");
        lakesail.jobRuns().retry("jrn_1");

        assertEquals(1, failed.size());
        assertEquals(List.of("GET /v1/orgs/org_1/job-runs?jobId=job_1&status=failed", "POST /v1/orgs/org_1/job-runs/jrn_1/cancel",
                "POST /v1/orgs/org_1/job-runs/jrn_1/retry"), methodsAndPaths());
        assertTrue(cancelled.run().cancelRequested());
        assertNull(server.request(1).header("Idempotency-Key"));
        assertNotNull(server.request(2).header("Idempotency-Key"), "a retry is a create: it is never doubled");
    }

    @Test
    void logs_whenCaughtUpWhileRunning_stopsButFollowingWaitsUntilTheEnd() {
        String line = "{\"stream\": \"runner\", \"time\": \"2030-01-01T00:00:01Z\", \"message\": \"%s\"}";
        server.reply(200, "{\"items\": [" + line.formatted("one") + "], \"nextToken\": \"t1\"}");
        server.reply(200, "{\"items\": [], \"nextToken\": \"t1\"}");
        List<String> available = new ArrayList<>();
        lakesail.jobRuns().logs("jrn_1").forEach(l -> available.add(l.message()));
        assertEquals(List.of("one"), available);

        server.reply(200, "{\"items\": [" + line.formatted("one") + "], \"nextToken\": \"t1\"}");
        server.reply(200, "{\"items\": [], \"nextToken\": \"t1\"}");
        server.reply(200, "{\"items\": [" + line.formatted("two") + "], \"nextToken\": \"t2\"}");
        server.reply(200, "{\"items\": [" + line.formatted("three") + "]}");
        List<String> followed = new ArrayList<>();
        for (LogLine l : RunLogs.following(token -> lakesail.jobRuns().logs("jrn_1", token), Duration.ofSeconds(2), sleeper)) {
            followed.add(l.message());
        }

        assertEquals(List.of("one", "two", "three"), followed);
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.pauses(), "one pause, when caught up");
        assertEquals("GET /v1/orgs/org_1/job-runs/jrn_1/logs?nextToken=t1", methodsAndPaths().get(3));
    }

    @Test
    void run_whenTheServiceRefusesAParameter_throwsValidationNamingIt() {
        server.reply(400, """
                {"error": {"code": "ValidationError", "message": "parameters.limit: is not a parameter",
                 "requestId": "req_1", "details": [{"field": "parameters.limit", "message": "is not a parameter"}]}}""");

        ValidationException e = assertThrows(ValidationException.class,
                () -> lakesail.jobs().run(r -> r.jobId("job_1").parameter("limit", 5)));

        assertEquals("parameters.limit", e.details().get(0).field());
    }
}
