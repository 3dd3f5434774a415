package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.local.FakeWorkloadRuntime.Runner;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.events.PutEventResult;
import com.lakesail.sdk.exception.AccessDeniedException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.exception.ValidationException;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.CatalogConfig;
import com.lakesail.sdk.infrastructure.CatalogKind;
import com.lakesail.sdk.jobs.Job;
import com.lakesail.sdk.jobs.JobParameter;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.JobRunStatus;
import com.lakesail.sdk.jobs.JobSchedule;
import com.lakesail.sdk.jobs.JobTrigger;
import com.lakesail.sdk.jobs.JobTriggerType;
import com.lakesail.sdk.jobs.JobVersion;
import com.lakesail.sdk.jobs.LogLine;
import com.lakesail.sdk.jobs.ParameterType;
import com.lakesail.sdk.jobs.ResultPreview;
import com.lakesail.sdk.jobs.ScheduleConcurrency;
import com.lakesail.sdk.jobs.TerminationCode;
import com.lakesail.sdk.jobs.TriggerType;
import com.lakesail.sdk.waiter.ResourceFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's jobs and runs against the local backend running on its own threads, with the fake
 * runtime reporting through the callback route: a run's stages as a state-change callback sees them,
 * its rows as typed values, an engine failure, a cancel, a retry, pinned versions, logs, access.
 */
class LocalBackendJobsSdkTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final FakeWorkloadRuntime RUNTIME = new FakeWorkloadRuntime();
    private static LocalBackend backend;
    private static Account owner;
    private static LakeSail lakesail;
    private static String clusterId;
    private static String catalogId;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().sandboxTimings(SandboxTimings.instant())
                .workloadRuntime(RUNTIME).start();
        owner = new HttpApi(backend.endpoint()).signup();
        lakesail = LakeSail.builder().endpoint(backend.endpoint()).token(owner.token())
                .organization(owner.organizationId()).build();
        String account = lakesail.cloudAccounts().create(r -> r.name("aws").awsAccountId("123456789012")).id();
        lakesail.cloudAccounts().attachRole(r -> r.cloudAccountId(account).roleArn(InfraSteps.roleArn("123456789012", account)))
                .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
        String network = lakesail.networks().create(r -> r.name("net").cloudAccountId(account).region("eu-west-1")
                .cidr("10.0.0.0/16")).waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL)).id();
        clusterId = lakesail.clusters().create(r -> r.name("prod").networkId(network).accessPolicy(AccessPolicy.privateOnly()))
                .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL)).id();
        catalogId = lakesail.catalogs().create(r -> r.name("lake").kind(CatalogKind.ICEBERG)
                .config(CatalogConfig.tableLocation("s3://acme-lake/warehouse"))).resource().id();
    }

    @AfterAll
    static void stop() {
        lakesail.close();
        backend.close();
    }

    private static Job job(String name, String... statements) {
        return lakesail.jobs().create(r -> r.name(name).definition(d -> d.clusterId(clusterId).catalogIds(catalogId)
                .sql(statements).parameter(JobParameter.of("day", ParameterType.DATE, "2026-12-01"))));
    }

    private static JobRun waitFor(JobRunHandle handle, List<JobRunStatus> seen) {
        return handle.waitUntilTerminal(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL)
                .onProgress(JobRunHandle.changes(r -> seen.add(r.status()))));
    }

    @Test
    void run_whenTheSqlSucceeds_theHandleSeesItEndWithTypedRows() {
        RUNTIME.script("SELECT region, total, day FROM sales", Runner.succeed(List.of("region:string",
                "total:decimal(10,2)", "day:date"), List.of(List.of("eu", "12.50", "2026-12-01"), List.of("us", "7.25", "2026-12-01"))));
        Job job = job("sales", "SELECT region, total, day FROM sales");
        List<JobRunStatus> seen = new ArrayList<>();

        JobRunHandle handle = lakesail.jobs().run(r -> r.jobId(job.id()).parameter("day", "2026-12-02"));
        JobRun run = waitFor(handle, seen);

        assertEquals(JobRunStatus.SUCCEEDED, run.status());
        assertTrue(run.status().isTerminal());
        assertEquals(JobRunStatus.SUCCEEDED, seen.get(seen.size() - 1));
        assertEquals(TerminationCode.SUCCESS, run.termination().code());
        assertEquals("2026-12-02", run.parameters().get("day"));
        ResultPreview result = run.result();
        assertEquals(List.of("region", "total", "day"), result.columns().stream().map(ResultPreview.Column::name).toList());
        assertEquals("eu", result.rows().get(0).getString("region"));
        assertEquals(new java.math.BigDecimal("7.25"), result.rows().get(1).getDecimal("total"));
        assertEquals(java.time.LocalDate.parse("2026-12-01"), result.rows().get(1).getDate("day"));
        assertEquals(8, run.statusHistory().size(), "every stage, in order: " + run.statusHistory());
        List<String> lines = new ArrayList<>();
        for (LogLine line : handle.logs()) {
            lines.add(line.stream() + ": " + line.message());
        }
        assertTrue(lines.contains("runner: connected to " + FakeWorkloadRuntime.SAIL_ENDPOINT), lines.toString());
        List<String> followed = new ArrayList<>();
        handle.followLogs().forEach(l -> followed.add(l.message()));
        assertEquals(lines.size(), followed.size(), "following an ended run's log reads it to its end");
    }

    @Test
    void run_whenTheEngineFails_waitUntilSucceededThrowsWithTheEnginesMessage() {
        String message = "[DIVIDE_BY_ZERO] Division by zero.";
        RUNTIME.script("SELECT 1/0", Runner.fail("DIVIDE_BY_ZERO", message));
        Job job = job("zero", "SELECT 1/0");

        ResourceFailedException e = assertThrows(ResourceFailedException.class, () -> lakesail.jobs().run(job.id())
                .waitUntilSucceeded(WAIT));

        assertEquals("failed", e.status());
        assertEquals(message, e.statusReason());
        assertEquals(TerminationCode.RUN_EXECUTION_ERROR, ((JobRun) e.resource()).termination().code());
    }

    @Test
    void cancel_whenRunning_endsCancelledAndRetryRunsTheSameVersion() {
        RUNTIME.script("SELECT 'held'", Runner.held());
        Job job = job("held", "SELECT 'held'");
        JobRunHandle handle = lakesail.jobs().run(job.id());
        JobRun running = handle.waitUntilTerminal(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL)
                .successWhen(r -> r.status() == JobRunStatus.RUNNING));
        assertEquals(JobRunStatus.RUNNING, running.status());

        JobRun cancelled = handle.cancel().waitUntilTerminal(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));

        assertEquals(JobRunStatus.CANCELLED, cancelled.status());
        assertEquals(TerminationCode.USER_CANCELED, cancelled.termination().code());
        assertTrue(RUNTIME.deleted(handle.id()));

        JobVersion v2 = lakesail.jobs().createVersion(r -> r.jobId(job.id())
                .definition(lakesail.jobs().version(job.id(), 1).definition().toBuilder().sql("SELECT 'v2'").build()));
        lakesail.jobs().promote(job.id(), v2.versionNumber());
        JobRunHandle retry = lakesail.jobRuns().retry(handle.id());
        assertEquals(TriggerType.RETRY, retry.run().trigger().type());
        assertEquals(handle.id(), retry.run().retryOf());
        assertEquals(1, retry.run().versionNumber(), "a retry runs the version of the run it retries");
        retry.cancel();
        assertEquals(2, lakesail.jobs().get(job.id()).liveVersion());
        assertEquals(List.of(retry.id(), handle.id()), lakesail.jobRuns().list(r -> r.jobId(job.id())).stream()
                .map(JobRun::id).toList(), "the job's runs, newest first");
    }

    @Test
    void errors_whenInputIsBadOrTheCallerMayNot_areTypedExceptions() {
        Job job = job("typed", "SELECT 1");
        ValidationException bad = assertThrows(ValidationException.class,
                () -> lakesail.jobs().run(r -> r.jobId(job.id()).parameter("limit", 3)));
        assertEquals("parameters.limit", bad.details().get(0).field());
        assertThrows(ResourceNotFoundException.class, () -> lakesail.jobRuns().get("jrn_nope"));
        AccessSteps access = new AccessSteps(new HttpApi(backend.endpoint()));
        Account analystAccount = access.join(owner, owner.organizationId(), "analyst").account();
        try (LakeSail analyst = LakeSail.builder().endpoint(backend.endpoint()).token(analystAccount.token())
                .organization(owner.organizationId()).build()) {
            assertEquals(job.id(), analyst.jobs().get(job.id()).id());
            assertThrows(AccessDeniedException.class, () -> analyst.jobs().run(job.id()));
        }
    }

    @Test
    void schedulesTriggersAndEvents_whenBuiltWithTheSdk_roundTripStartRunsAndListTheirEvents() {
        Job nightly = lakesail.jobs().create(r -> r.name("nightly").definition(d -> d.clusterId(clusterId).sql("SELECT 1")
                .schedule(s -> s.cron("0 2 * * *").timezone("Europe/Berlin").concurrency(ScheduleConcurrency.ALLOW)
                        .maxConcurrentRuns(2))));
        assertEquals(JobSchedule.builder().cron("0 2 * * *").timezone("Europe/Berlin").concurrency(ScheduleConcurrency.ALLOW)
                .maxConcurrentRuns(2).build(), nightly.schedule());
        assertTrue(nightly.nextRunAt().isAfter(Instant.now()), nightly.toString());
        assertEquals(null, lakesail.jobs().pause(nightly.id()).nextRunAt(), "a paused job does not fire");

        Job orders = lakesail.jobs().create(r -> r.name("orders").definition(d -> d.clusterId(clusterId).sql("SELECT 1")
                .trigger(JobTrigger.event(p -> p.source("com.acme.orders").detailType("Order Batch Closed").detail("region", "eu")))
                .trigger(JobTrigger.s3(s -> s.bucket("acme-raw").prefix("incoming/").suffix(".csv").minSecondsBetweenRuns(60)))));
        Job report = lakesail.jobs().create(r -> r.name("report").definition(d -> d.clusterId(clusterId).sql("SELECT 1")
                .trigger(JobTrigger.afterSuccessOf(orders.id()))));
        List<JobTrigger> triggers = lakesail.jobs().version(orders.id(), 1).definition().triggers();
        assertEquals(List.of(JobTriggerType.EVENT, JobTriggerType.S3), triggers.stream().map(JobTrigger::type).toList());
        assertEquals(60, triggers.get(1).minSecondsBetweenRuns());
        assertEquals(List.of(JobRunStatus.SUCCEEDED),
                lakesail.jobs().version(report.id(), 1).definition().triggers().get(0).states());

        PutEventResult ignored = lakesail.events().put(r -> r.source("com.acme.orders").detailType("Order Batch Closed")
                .detail("region", "us"));
        assertEquals(List.of(), ignored.runs(), "the pattern asks for region eu");
        PutEventResult put = lakesail.events().put(r -> r.id("batch-42").source("com.acme.orders")
                .detailType("Order Batch Closed").detail("region", "eu"));
        assertEquals(List.of(orders.id()), put.runs().stream().map(PutEventResult.StartedRun::jobId).toList());
        JobRun run = lakesail.jobRuns().handle(put.runs().get(0).id()).waitUntilTerminal(WAIT);
        assertEquals(JobRunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(TriggerType.EVENT, run.trigger().type());
        assertEquals("batch-42", run.trigger().event().id());

        List<String> states = new ArrayList<>();
        lakesail.events().list(run.id()).forEach(e -> states.add(0, e.previousState() + " → " + e.state()));
        assertEquals(List.of("null → pending", "pending → ready", "ready → starting", "starting → creating_sail",
                "creating_sail → waiting_for_sail", "waiting_for_sail → creating_runner", "creating_runner → running",
                "running → succeeded"), states);
        JobRun chained = lakesail.jobRuns().handle(awaitFirstRun(report.id())).waitUntilTerminal(WAIT);
        assertEquals(run.id(), chained.trigger().event().subject(), "report ran after the orders run succeeded");

        ValidationException badCron = assertThrows(ValidationException.class, () -> lakesail.jobs().create(r -> r.name("bad")
                .definition(d -> d.clusterId(clusterId).sql("SELECT 1").schedule(JobSchedule.cron("0 25 * * *", "UTC")))));
        assertEquals("definition.schedule.cron", badCron.details().get(0).field());
        ValidationException badZone = assertThrows(ValidationException.class, () -> lakesail.jobs().create(r -> r.name("bad")
                .definition(d -> d.clusterId(clusterId).sql("SELECT 1").schedule(JobSchedule.cron("0 2 * * *", "Europe/Nowhere")))));
        assertEquals("definition.schedule.timezone", badZone.details().get(0).field());
    }

    /** The first run of a job a trigger starts, once it exists. */
    private static String awaitFirstRun(String jobId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JobRun> runs = lakesail.jobRuns().list(r -> r.jobId(jobId)).stream().toList();
            if (!runs.isEmpty()) {
                return runs.get(0).id();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no run of " + jobId + " within " + WAIT);
    }
}
