package com.lakesail.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner as it ships: a child JVM the launcher starts, against a real Sail and a fake callback. */
class RunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path data;
    private static Sail sail;
    private static FakeControlPlane controlPlane;
    /** Started in the same breath as the Sail, as the backend does, so it waits for the Sail. */
    private static ChildProcess firstRunner;

    @BeforeAll
    static void start() throws Exception {
        data = TestEngine.newDirectory("runner");
        controlPlane = new FakeControlPlane();
        sail = TestEngine.launcher().startSail(SailSpec.builder().id("runner-test").logDirectory(data.resolve("sail"))
                .warehouseDirectory(data.resolve("warehouse")).build());
        firstRunner = startRunner("jrn_first", Map.of(
                "runId", "jrn_first",
                "entrypoint", Map.of("type", "sql", "statements", List.of(
                        "CREATE OR REPLACE TEMPORARY VIEW numbers AS SELECT id FROM range(5)",
                        "SELECT id, id * :factor AS scaled, :label AS label FROM numbers ORDER BY id")),
                "parameters", Map.of("factor", 10, "label", "x' OR 1=1 --"),
                "previewRows", 3,
                "heartbeatSeconds", 1));
        sail.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (sail != null) {
            sail.stop();
        }
        if (controlPlane != null) {
            controlPlane.close();
        }
    }

    @Test
    void sqlRun_whenStartedWhileSailBoots_reportsStartedProgressAndSucceededWithCappedPreview() throws Exception {
        assertEquals(0, firstRunner.waitFor(Duration.ofMinutes(3)));
        List<JsonNode> events = events("jrn_first");
        assertEquals(List.of("started", "progress", "succeeded"), milestones(events));
        JsonNode progress = events.stream().filter(e -> e.path("type").asText().equals("progress")).findFirst().orElseThrow();
        assertEquals(2, progress.path("step").asInt());
        assertEquals(2, progress.path("steps").asInt());
        JsonNode succeeded = events.get(events.size() - 1);
        assertEquals("succeeded", succeeded.path("type").asText());
        assertEquals(JSON.readTree("""
                {"columns":[{"name":"id","type":"bigint"},{"name":"scaled","type":"bigint"},{"name":"label","type":"string"}],
                 "rows":[[0,0,"x' OR 1=1 --"],[1,10,"x' OR 1=1 --"],[2,20,"x' OR 1=1 --"]],"truncated":true}"""),
                succeeded.path("result"));
        assertEquals(2, succeeded.path("metrics").path("statements").asInt());
        assertEquals(3, succeeded.path("metrics").path("rowsReturned").asInt());
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("logs")));
        assertEquals(List.of(), controlPlane.problems());
    }

    @Test
    void sqlRun_whenAStatementFails_reportsTheEngineErrorClassAndStep() throws Exception {
        ChildProcess runner = startRunner("jrn_fail", Map.of("runId", "jrn_fail", "entrypoint", Map.of("type", "sql",
                "statements", List.of("SELECT 1", "SELECT * FROM no_such_table"))));
        assertEquals(1, runner.waitFor(Duration.ofMinutes(2)));
        List<JsonNode> events = events("jrn_fail");
        assertEquals(List.of("started", "progress", "failed"), milestones(events));
        JsonNode failed = events.get(events.size() - 1);
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", failed.path("errorClass").asText());
        assertTrue(failed.path("message").asText().contains("no_such_table"), failed.toString());
        assertEquals(2, failed.path("step").asInt());
    }

    @Test
    void sqlRun_withEveryKindOfValue_encodesCellsAsTheProtocolSays() throws Exception {
        ChildProcess runner = startRunner("jrn_types", Map.of("runId", "jrn_types", "entrypoint", Map.of("type", "sql",
                "statements", List.of("SELECT CAST(12.50 AS DECIMAL(10,2)) AS d, DATE'2026-12-01' AS day,"
                        + " TIMESTAMP'2026-12-01 10:00:00 UTC' AS ts, X'CAFE' AS bin, array(1, 2) AS arr,"
                        + " map('k', 1) AS m, named_struct('a', 1, 'b', 'x') AS s, CAST(NULL AS STRING) AS n,"
                        + " true AS flag, 1.5D AS dbl"))));
        assertEquals(0, runner.waitFor(Duration.ofMinutes(2)));
        JsonNode result = events("jrn_types").get(events("jrn_types").size() - 1).path("result");
        assertEquals(JSON.readTree("""
                [["12.50","2026-12-01","2026-12-01T10:00:00Z","yv4=",[1,2],{"k":1},{"a":1,"b":"x"},null,true,1.5]]"""),
                result.path("rows"));
        assertEquals("decimal(10,2)", result.path("columns").get(0).path("type").asText());
        assertFalse(result.path("truncated").asBoolean());
    }

    @Test
    void jarRun_whenMainUsesGetOrCreate_reachesTheSailAndSucceeds() throws Exception {
        Path jar = buildJobJar();
        ChildProcess runner = startRunner("jrn_jar", Map.of("runId", "jrn_jar", "entrypoint", Map.of("type", "jar",
                "location", jar.toUri().toString(), "mainClass", "acme.CountJob", "arguments", List.of("7"))));
        assertEquals(0, runner.waitFor(Duration.ofMinutes(2)));
        List<JsonNode> events = events("jrn_jar");
        assertEquals(List.of("started", "succeeded"), milestones(events));
        assertTrue(controlPlane.logLines().contains("acme: count=7"), controlPlane.logLines().toString());
        assertTrue(events.get(events.size() - 1).path("result").isMissingNode());
    }

    @Test
    void jarRun_whenMainCallsSystemExitWithFailure_reportsFailed() throws Exception {
        Path jar = buildJobJar();
        ChildProcess runner = startRunner("jrn_exit", Map.of("runId", "jrn_exit", "entrypoint", Map.of("type", "jar",
                "location", jar.toString(), "mainClass", "acme.ExitJob")));
        assertEquals(1, runner.waitFor(Duration.ofMinutes(2)));
        JsonNode failed = events("jrn_exit").get(events("jrn_exit").size() - 1);
        assertEquals("failed", failed.path("type").asText());
        assertEquals("NON_ZERO_EXIT", failed.path("errorClass").asText());
        assertTrue(failed.path("message").asText().contains("status 3"), failed.toString());
    }

    @Test
    void run_whenControlPlaneAnswers409_stopsAtOnceWithoutReporting() throws Exception {
        controlPlane.answer(e -> e.path("_run").asText().equals("jrn_gone") && e.path("type").asText().equals("started") ? 409 : 204);
        try {
            ChildProcess runner = startRunner("jrn_gone", Map.of("runId", "jrn_gone", "entrypoint", Map.of("type", "sql",
                    "statements", List.of("SELECT 1"))));
            assertEquals(1, runner.waitFor(Duration.ofMinutes(2)));
            assertEquals(List.of("started"), milestones(events("jrn_gone")));
            assertFalse(ProcessHandle.of(runner.pid()).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            controlPlane.answer(e -> 204);
        }
    }

    @Test
    void stop_whenRunnerIsRunning_leavesNoProcess() throws Exception {
        ChildProcess runner = startRunner("jrn_cancel", Map.of("runId", "jrn_cancel", "entrypoint", Map.of("type", "sql",
                "statements", List.of("SELECT count(*) FROM range(100000000000) WHERE sha2(CAST(id AS STRING), 256) = 'x'"))));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!milestones(events("jrn_cancel")).contains("started") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of("started"), milestones(events("jrn_cancel")));
        runner.stop();
        assertFalse(ProcessHandle.of(runner.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(runner.onExit().isDone());
    }

    private static ChildProcess startRunner(String runId, Map<String, Object> spec) throws Exception {
        return TestEngine.launcher().startRunner(RunnerSpec.builder().id(runId).logDirectory(data.resolve(runId))
                .environment(Map.of("SPARK_REMOTE", sail.endpoint(),
                        "LAKESAIL_CALLBACK_URL", controlPlane.callbackUrl(runId),
                        "LAKESAIL_CALLBACK_TOKEN", FakeControlPlane.TOKEN,
                        "LAKESAIL_RUN_SPEC", JSON.writeValueAsString(spec)))
                .build());
    }

    private static List<JsonNode> events(String runId) {
        return controlPlane.events().stream().filter(e -> runIdOf(e).equals(runId)).toList();
    }

    private static String runIdOf(JsonNode event) {
        return event.path("_run").asText();
    }

    private static List<String> milestones(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).filter(t -> !t.equals("logs") && !t.equals("heartbeat")).toList();
    }

    /** A job jar compiled here against the Spark Connect client API, as a user's build would. */
    private static Path buildJobJar() throws Exception {
        Path src = TestEngine.newDirectory("jobjar");
        Path pkg = Files.createDirectories(src.resolve("acme"));
        Files.writeString(pkg.resolve("CountJob.java"), """
                package acme;
                import org.apache.spark.sql.SparkSession;
                public class CountJob {
                    public static void main(String[] args) {
                        SparkSession spark = SparkSession.builder().getOrCreate();
                        long n = spark.sql("SELECT * FROM range(" + Integer.parseInt(args[0]) + ")").count();
                        System.out.println("acme: count=" + n);
                    }
                }
                """);
        Files.writeString(pkg.resolve("ExitJob.java"), """
                package acme;
                public class ExitJob {
                    public static void main(String[] args) {
                        System.out.println("acme: giving up");
                        System.exit(3);
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", src.toString(), "-classpath", System.getProperty("java.class.path"),
                pkg.resolve("CountJob.java").toString(), pkg.resolve("ExitJob.java").toString());
        assertEquals(0, status);
        Path jar = src.resolve("job.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("acme/CountJob.class", "acme/ExitJob.class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(src.resolve(name)));
                out.closeEntry();
            }
        }
        return jar;
    }
}
