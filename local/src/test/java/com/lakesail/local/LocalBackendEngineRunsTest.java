package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job runs over HTTP on the real local engine: every run gets its own Spark Connect server (a child
 * JVM) and runner, as a user's would. The runs of this class are started together, so their Sails
 * start side by side; each test then watches its own: a SQL job over sample data succeeds with the
 * rows it computes, invalid SQL fails with the engine's message and error class, a job longer than
 * its timeout ends {@code timeout}, a runner that dies ends its run at once; and none leaves a
 * process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalBackendEngineRunsTest {
    /** Keeps a core busy far longer than any test waits: only a timeout, a cancel or a kill ends it. */
    static final String ENDLESS = "SELECT count(*) FROM range(100000000000) WHERE sha2(CAST(id AS STRING), 256) = 'x'";
    private static final String[] REGIONS = {"apac", "eu", "us"};

    @TempDir
    static Path samples;
    private static LocalBackend backend;
    private static EngineSteps steps;
    private static Map<String, long[]> expected;
    private static String salesRun;
    private static String brokenRun;
    private static String slowRun;
    private static String doomedRun;

    @BeforeAll
    static void startRuns() throws Exception {
        backend = LocalBackend.builder().port(0).inMemory().sandboxTimings(SandboxTimings.instant()).start();
        steps = new EngineSteps(backend.endpoint());
        Path orders = writeOrders(samples.resolve("orders.csv"));

        ObjectNode sales = steps.definition(
                "CREATE OR REPLACE TEMPORARY VIEW orders_csv USING csv OPTIONS (path '" + orders.toUri()
                        + "', header 'true', inferSchema 'true')",
                "CREATE NAMESPACE IF NOT EXISTS lake.shop",
                "CREATE OR REPLACE TABLE lake.shop.orders USING iceberg AS SELECT * FROM orders_csv",
                "SELECT region, count(*) AS orders, sum(amount) AS total FROM lake.shop.orders"
                        + " WHERE amount >= :min_amount GROUP BY region ORDER BY region");
        sales.putArray("parameters").addObject().put("name", "min_amount").put("type", "bigint").put("default", 0);
        // A runner JVM may take 10 s to report on a loaded 2-core machine; the run ends `timeout` either way
        // (a heartbeat limit cut to the timeout counts as the timeout), but a runner that reports is the common case.
        ObjectNode slow = steps.definition(ENDLESS).put("timeoutSeconds", 30);
        slow.putObject("compute").putObject("driver").put("cpu", 1);
        ObjectNode doomed = steps.definition(ENDLESS);
        doomed.putObject("compute").putObject("driver").put("cpu", 1);

        salesRun = steps.run(steps.job("sales", sales));
        brokenRun = steps.run(steps.job("broken", steps.definition("SELECT 1", "SELECT * FROM no_such_table")));
        slowRun = steps.run(steps.job("slow", slow));
        doomedRun = steps.run(steps.job("doomed", doomed));
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (steps != null) {
            assertEquals(List.of(), childrenOf(steps.org), "every Sail and runner stops with the backend");
        }
    }

    @Test
    @Order(1)
    void runnerDeath_whenTheRunIsRunning_endsItFailedAtOnceAndLeavesNoProcess() {
        steps.awaitStatus(doomedRun, "running");
        ProcessHandle runner = EngineSteps.processesOf(steps.org, doomedRun).stream()
                .filter(p -> p.info().commandLine().orElse("").contains("-Dlakesail.child=runner:")).findFirst()
                .orElseThrow(() -> new AssertionError("no runner process for " + doomedRun));
        long killed = System.nanoTime();

        runner.destroyForcibly();

        JsonNode run = steps.awaitEnd(doomedRun);
        assertEquals("failed", run.path("status").asText(), run.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - killed).compareTo(Duration.ofSeconds(60)) < 0,
                "ended by the engine's report, not by a missed heartbeat (90 s)");
        assertEquals("run_execution_error", run.path("termination").path("code").asText());
        assertEquals("RUNNER_EXITED", run.path("termination").path("errorClass").asText(), run.toString());
        assertTrue(run.path("statusReason").asText().startsWith("the runner exited with code 137"), run.toString());
        assertEquals(List.of(), EngineSteps.processesOf(steps.org, doomedRun));
    }

    @Test
    @Order(2)
    void run_whenLongerThanItsTimeout_endsTimeoutAndLeavesNoProcess() {
        steps.awaitStatus(slowRun, "running");
        List<ProcessHandle> processes = EngineSteps.processesOf(steps.org, slowRun);
        assertEquals(2, processes.size(), "its Sail and its runner: " + processes);

        JsonNode run = steps.awaitEnd(slowRun);

        assertEquals("timeout", run.path("status").asText(), run.toString());
        assertEquals("timeout", run.path("termination").path("code").asText());
        assertEquals("the run exceeded its timeout of 30 s", run.path("statusReason").asText());
        processes.forEach(p -> assertFalse(p.isAlive(), "process " + p.pid() + " of the run is gone"));
        assertEquals(List.of(), EngineSteps.processesOf(steps.org, slowRun));
    }

    @Test
    @Order(3)
    void run_whenItsSqlLoadsAndAggregatesSampleData_succeedsWithTheRowsItComputed() {
        JsonNode run = steps.awaitEnd(salesRun);

        assertEquals("succeeded", run.path("status").asText(), run.toString());
        assertEquals(List.of("pending", "ready", "starting", "creating_sail", "waiting_for_sail", "creating_runner",
                "running", "succeeded"), EngineSteps.statuses(run));
        assertEquals("success", run.path("termination").path("code").asText());
        JsonNode result = run.path("result");
        assertEquals("[{\"name\":\"region\",\"type\":\"string\"},{\"name\":\"orders\",\"type\":\"bigint\"},"
                + "{\"name\":\"total\",\"type\":\"bigint\"}]", result.path("columns").toString());
        List<String> rows = new ArrayList<>();
        result.path("rows").forEach(r -> rows.add(r.toString()));
        List<String> want = new ArrayList<>();
        expected.forEach((region, v) -> want.add("[\"" + region + "\"," + v[0] + "," + v[1] + "]"));
        assertEquals(want, rows);
        assertEquals(4, run.path("metrics").path("engine").path("statements").asInt(), run.toString());
        assertEquals(List.of(), EngineSteps.processesOf(steps.org, salesRun));
    }

    @Test
    @Order(4)
    void logs_whenReadPageByPage_holdTheRunnersAndTheSailsLinesOnce() {
        steps.awaitEnd(salesRun);
        List<String> all = steps.logLines(salesRun);
        List<String> paged = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            Response page = steps.api().get(steps.path("/job-runs/" + salesRun + "/logs?limit=1"
                    + (token == null ? "" : "&nextToken=" + token)), steps.owner.token());
            assertEquals(200, page.status(), page.toString());
            page.json().path("items").forEach(i -> paged.add(i.path("stream").asText() + ": " + i.path("message").asText()));
            token = page.json().path("nextToken").asText(null);
            pages++;
        } while (token != null);

        assertEquals(all, paged);
        assertTrue(pages > 2, "several pages: " + pages);
        assertEquals(1, Collections.frequency(all, "runner: lakesail-runner: statement 4 of 4"),
                "the runner's lines once, as it shipped them: " + all);
        assertTrue(all.stream().anyMatch(l -> l.startsWith("sail: LAKESAIL-SAIL-READY")), "and the Sail's: " + all);
    }

    @Test
    @Order(5)
    void run_whenTheSqlIsInvalid_failsWithTheEnginesMessageAndErrorClass() {
        JsonNode run = steps.awaitEnd(brokenRun);

        assertEquals("failed", run.path("status").asText(), run.toString());
        assertEquals("running", run.path("stage").asText());
        assertEquals("run_execution_error", run.path("termination").path("code").asText());
        assertEquals("client_error", run.path("termination").path("type").asText());
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", run.path("termination").path("errorClass").asText(), run.toString());
        assertTrue(run.path("statusReason").asText().startsWith("[TABLE_OR_VIEW_NOT_FOUND] The table or view `no_such_table`"
                + " cannot be found."), run.toString());
        assertEquals(List.of(), EngineSteps.processesOf(steps.org, brokenRun));
    }

    @Test
    @Order(6)
    void run_whenACatalogIsGlue_failsAtOnceSayingTheLocalBackendCannotReachIt() {
        Response glue = steps.api().post(steps.path("/catalogs"), steps.owner.token(),
                "{\"name\":\"glue\",\"kind\":\"glue\",\"config\":{\"catalogId\":\"123456789012\",\"region\":\"eu-west-1\"}}");
        assertEquals(201, glue.status(), glue.toString());
        ObjectNode definition = steps.definition("SELECT 1");
        definition.putArray("catalogIds").add(glue.json().path("id").asText());

        JsonNode run = steps.awaitEnd(steps.run(steps.job("on-glue", definition)));

        assertEquals("failed", run.path("status").asText(), run.toString());
        assertEquals("creating_sail", run.path("stage").asText());
        assertEquals("cluster_error", run.path("termination").path("code").asText());
        assertTrue(run.path("statusReason").asText().contains("catalog 'glue' is an AWS Glue catalog, which the local"
                + " backend cannot reach"), run.toString());
        assertEquals(List.of(), EngineSteps.processesOf(steps.org, run.path("id").asText()));
    }

    @Test
    @Order(7)
    void cancel_whenPending_endsCancelledAndStartsNoProcess() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (LocalBackend held = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0)
                .sandboxTimings(SandboxTimings.instant()).start()) {
            JobSteps jobs = new JobSteps(held, clock);
            String runId = jobs.startRun(jobs.job("never", jobs.definition("SELECT 1")));

            Response cancel = jobs.api().post(jobs.path("/job-runs/" + runId + "/cancel"), jobs.owner.token(), null);
            jobs.runReady();

            assertEquals(202, cancel.status(), cancel.toString());
            JsonNode run = jobs.getRun(runId);
            assertEquals("cancelled", run.path("status").asText(), run.toString());
            assertEquals("user_canceled", run.path("termination").path("code").asText());
            assertEquals(List.of("pending", "cancelled"), EngineSteps.statuses(run));
            assertEquals(List.of(), childrenOf(jobs.org));
        }
    }

    /** Sails and runners of the organization, still running. */
    static List<ProcessHandle> childrenOf(String org) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("-Dlakesail.child=sail:" + org + ".") || c.contains("-Dlakesail.child=runner:" + org + "."))
                .orElse(false)).toList();
    }

    /** 300 orders in three regions, and what the job should compute of them. */
    private static Path writeOrders(Path file) throws Exception {
        StringBuilder csv = new StringBuilder("id,region,amount\n");
        Map<String, long[]> totals = new TreeMap<>();
        for (int id = 1; id <= 300; id++) {
            String region = REGIONS[id % REGIONS.length];
            long amount = (id * 37L) % 500;
            csv.append(id).append(',').append(region).append(',').append(amount).append('\n');
            long[] t = totals.computeIfAbsent(region, r -> new long[2]);
            t[0]++;
            t[1] += amount;
        }
        expected = totals;
        return Files.writeString(file, csv.toString());
    }
}
