package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.engine.internal.ChildProgram;
import com.lakesail.local.engine.LocalEngine;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.CatalogConfig;
import com.lakesail.sdk.infrastructure.CatalogKind;
import com.lakesail.sdk.jobs.Compute;
import com.lakesail.sdk.jobs.Entrypoint;
import com.lakesail.sdk.jobs.Job;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.JobRunStatus;
import com.lakesail.sdk.jobs.JobVersion;
import com.lakesail.sdk.jobs.LogLine;
import com.lakesail.sdk.jobs.TerminationCode;
import com.lakesail.sdk.jobs.TriggerType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job runs through the SDK on the real local engine, started together so their Sails start side by
 * side: a cancel while running (its logs followed as they come), a Sail that dies under its run, a
 * run that keeps the version live when it was created (and its retry, the same version), and a jar
 * entrypoint whose main reaches the run's Sail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalBackendEngineRunsSdkTest {
    private static final Duration WAIT = EngineSteps.RUN_TIMEOUT;
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    static Path work;
    private static LocalBackend backend;
    private static LakeSail lakesail;
    private static String org;
    private static String clusterId;
    private static String catalogId;
    private static JobRunHandle endless;
    private static JobRunHandle crashing;
    private static Job pinnedJob;
    private static JobRunHandle pinned;
    private static JobRunHandle jar;

    @BeforeAll
    static void startRuns() throws Exception {
        backend = LocalBackend.builder().port(0).inMemory().sandboxTimings(SandboxTimings.instant()).start();
        HttpApi.Account owner = new HttpApi(backend.endpoint()).signup();
        org = owner.organizationId();
        lakesail = LakeSail.builder().endpoint(backend.endpoint()).token(owner.token()).organization(org).build();
        String account = lakesail.cloudAccounts().create(r -> r.name("aws").awsAccountId("123456789012")).id();
        lakesail.cloudAccounts().attachRole(r -> r.cloudAccountId(account).roleArn(InfraSteps.roleArn("123456789012", account)))
                .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
        String network = lakesail.networks().create(r -> r.name("net").cloudAccountId(account).region("eu-west-1")
                .cidr("10.0.0.0/16")).waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL)).id();
        clusterId = lakesail.clusters().create(r -> r.name("prod").networkId(network).accessPolicy(AccessPolicy.privateOnly()))
                .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL)).id();
        catalogId = lakesail.catalogs().create(r -> r.name("lake").kind(CatalogKind.ICEBERG)
                .config(CatalogConfig.tableLocation("s3://acme-lake/warehouse"))).resource().id();

        Compute oneCore = new Compute(new Compute.Size(1, null), null, null);
        endless = run(lakesail.jobs().create(r -> r.name("endless").definition(d -> d.clusterId(clusterId)
                .sql(LocalBackendEngineRunsTest.ENDLESS).compute(oneCore))));
        crashing = run(lakesail.jobs().create(r -> r.name("crashing").definition(d -> d.clusterId(clusterId)
                .sql(LocalBackendEngineRunsTest.ENDLESS).compute(oneCore))));
        pinnedJob = lakesail.jobs().create(r -> r.name("pinned").definition(d -> d.clusterId(clusterId).catalogIds(catalogId)
                .sql("SELECT 'v1' AS version")));
        pinned = run(pinnedJob);
        Path jarFile = jobJar();
        jar = run(lakesail.jobs().create(r -> r.name("jar").definition(d -> d.clusterId(clusterId)
                .entrypoint(Entrypoint.jar(jarFile.toUri().toString(), "acme.Report", "7")))));
    }

    @AfterAll
    static void stop() {
        if (lakesail != null) {
            lakesail.close();
        }
        if (backend != null) {
            backend.close();
            assertEquals(List.of(), LocalBackendEngineRunsTest.childrenOf(org), "every Sail and runner stops with the backend");
        }
    }

    private static JobRunHandle run(Job job) {
        return lakesail.jobs().run(r -> r.jobId(job.id()));
    }

    private static JobRun awaitEnd(JobRunHandle handle) {
        return handle.waitUntilTerminal(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
    }

    private static JobRun awaitRunning(JobRunHandle handle) {
        return handle.waitUntilTerminal(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL)
                .successWhen(r -> r.status() == JobRunStatus.RUNNING || r.status().isTerminal()));
    }

    @Test
    @Order(1)
    void cancel_whenRunning_endsCancelledLeavesNoProcessAndEndsTheFollowedLog() throws Exception {
        List<String> followed = new CopyOnWriteArrayList<>();
        CountDownLatch statementStarted = new CountDownLatch(1);
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> {
            for (LogLine line : endless.followLogs()) {
                followed.add(line.stream() + ": " + line.message());
                if (line.message().equals("lakesail-runner: statement 1 of 1")) {
                    statementStarted.countDown();
                }
            }
        });
        assertEquals(JobRunStatus.RUNNING, awaitRunning(endless).status());
        assertTrue(statementStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the runner's lines arrive as it runs: " + followed);
        List<ProcessHandle> processes = EngineSteps.processesOf(org, endless.id());
        assertEquals(2, processes.size(), "its Sail and its runner: " + processes);

        JobRun cancelled = awaitEnd(endless.cancel());

        assertEquals(JobRunStatus.CANCELLED, cancelled.status());
        assertEquals(TerminationCode.USER_CANCELED, cancelled.termination().code());
        processes.forEach(p -> assertFalse(p.isAlive(), "process " + p.pid() + " of the run is gone"));
        following.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(followed.stream().anyMatch(l -> l.startsWith("sail: ")), "and at its end, the Sail's lines: " + followed);
    }

    @Test
    @Order(2)
    void sailDeath_whenTheRunIsRunning_endsItFailedAtOnceSayingSo() {
        assertEquals(JobRunStatus.RUNNING, awaitRunning(crashing).status());
        ProcessHandle sail = EngineSteps.processesOf(org, crashing.id()).stream()
                .filter(p -> p.info().commandLine().orElse("").contains("-Dlakesail.child=sail:")).findFirst().orElseThrow();
        long killed = System.nanoTime();

        sail.destroyForcibly();

        JobRun run = awaitEnd(crashing);
        assertEquals(JobRunStatus.FAILED, run.status(), run.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - killed).compareTo(Duration.ofSeconds(60)) < 0,
                "ended by the Sail watcher's report, not by a missed heartbeat");
        assertEquals(TerminationCode.CLUSTER_ERROR, run.termination().code(), run.toString());
        assertTrue(run.statusReason().startsWith("Sail stopped: its process exited with code 137"), run.statusReason());
        assertEquals(List.of(), EngineSteps.processesOf(org, crashing.id()));
    }

    @Test
    @Order(3)
    void run_whenAnotherVersionIsPromotedMeanwhile_runsTheVersionLiveAtItsCreationAndItsRetryToo() {
        JobVersion v2 = lakesail.jobs().createVersion(r -> r.jobId(pinnedJob.id())
                .definition(lakesail.jobs().version(pinnedJob.id(), 1).definition().toBuilder().sql("SELECT 'v2' AS version").build()));
        lakesail.jobs().promote(pinnedJob.id(), v2.versionNumber());

        JobRun run = awaitEnd(pinned);

        assertEquals(JobRunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(1, run.versionNumber());
        assertEquals("v1", run.result().rows().get(0).getString("version"));
        assertEquals(2, lakesail.jobs().get(pinnedJob.id()).liveVersion());

        JobRunHandle retry = lakesail.jobRuns().retry(pinned.id());
        JobRun again = awaitEnd(retry);

        assertEquals(TriggerType.RETRY, again.trigger().type());
        assertEquals(pinned.id(), again.retryOf());
        assertEquals(1, again.versionNumber());
        assertEquals(JobRunStatus.SUCCEEDED, again.status(), again.toString());
        assertEquals("v1", again.result().rows().get(0).getString("version"), "a retry runs the version of the run it retries");
    }

    @Test
    @Order(4)
    void run_whenTheEntrypointIsAJar_runsItsMainAgainstTheRunsSail() {
        JobRun run = awaitEnd(jar);

        assertEquals(JobRunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(null, run.result(), "a jar has no result preview");
        List<String> lines = new ArrayList<>();
        jar.logs().forEach(l -> lines.add(l.stream() + ": " + l.message()));
        assertTrue(lines.contains("runner: acme report: rows=7"), lines.toString());
        assertEquals(List.of(), EngineSteps.processesOf(org, jar.id()));
    }

    /** A job's jar, built against the Spark Connect client as a user's build would (the runner's classpath). */
    private static Path jobJar() throws Exception {
        Path src = Files.createDirectories(work.resolve("acme"));
        Files.writeString(src.resolve("Report.java"), """
                package acme;
                import org.apache.spark.sql.SparkSession;
                public class Report {
                    public static void main(String[] args) {
                        SparkSession spark = SparkSession.builder().getOrCreate();
                        long rows = spark.sql("SELECT * FROM range(" + Integer.parseInt(args[0]) + ")").count();
                        System.out.println("acme report: rows=" + rows);
                    }
                }
                """);
        List<Path> client = ChildProgram.load("runner", LocalEngine.class.getClassLoader(), null).classpath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", work.toString(), "-classpath",
                String.join(File.pathSeparator, client.stream().map(Path::toString).toList()), src.resolve("Report.java").toString()));
        Path jar = work.resolve("report.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("acme/Report.class"));
            out.write(Files.readAllBytes(work.resolve("acme/Report.class")));
            out.closeEntry();
        }
        return jar;
    }
}
