package com.lakesail.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.engine.ChildProcess;
import com.lakesail.engine.EngineLauncher;
import com.lakesail.engine.RunnerSpec;
import com.lakesail.local.LocalBackend;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.CatalogConfig;
import com.lakesail.sdk.infrastructure.CatalogKind;
import com.lakesail.sdk.jobs.Row;
import com.lakesail.sdk.sessions.ResultRows;
import com.lakesail.sdk.sessions.SessionHandle;
import com.lakesail.sdk.sessions.StatementRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures sessions on the real local engine, through the SDK as a user runs them:
 * <ul>
 *   <li>session start: create → ready (a gated Sail and its session server started);</li>
 *   <li>a warm {@code SELECT 1} over REST (submit, answered at once), p50/p99;</li>
 *   <li>the same statement directly over Spark Connect through the session gate (the Java client in
 *       a child JVM, with a session token), p50/p99, and the REST path's ratio to it;</li>
 *   <li>a 100,000-row result read through the REST pages, rows/s.</li>
 * </ul>
 * Run: {@code mvn -q install -DskipTests && mvn -q -pl bench exec:java -Dbench.main=com.lakesail.bench.SessionBench [-Dexec.args="200"]}.
 */
public final class SessionBench {
    private static final Duration WAIT = Duration.ofMinutes(5);

    private SessionBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dataDir = Files.createTempDirectory("lakesail-session-bench");
        try (LocalBackend backend = LocalBackend.builder().port(0).dataDirectory(dataDir)
                .sandboxTimings(SandboxTimings.instant()).start()) {
            LocalBackend.Bootstrap boot = backend.bootstrap();
            try (LakeSail lakesail = LakeSail.builder().endpoint(backend.endpoint()).token(boot.token())
                    .organization(boot.organizationId()).build()) {
                run(lakesail, backend.engine().launcher(), dataDir, samples);
            }
        }
    }

    private static void run(LakeSail lakesail, EngineLauncher engine, Path dataDir, int samples) throws Exception {
        String account = lakesail.cloudAccounts().create(r -> r.name("aws").awsAccountId("123456789012")).id();
        lakesail.cloudAccounts().attachRole(r -> r.cloudAccountId(account)
                .roleArn("arn:aws:iam::123456789012:role/lakesail-" + account.replace('_', '-'))).waitUntilActive(WAIT);
        String network = lakesail.networks().create(r -> r.name("net").cloudAccountId(account).region("eu-west-1")
                .cidr("10.0.0.0/16")).waitUntilActive(WAIT).id();
        String cluster = lakesail.clusters().create(r -> r.name("bench").networkId(network)
                .accessPolicy(AccessPolicy.privateOnly())).waitUntilActive(WAIT).id();
        String catalog = lakesail.catalogs().create(r -> r.name("lake").kind(CatalogKind.ICEBERG)
                .config(CatalogConfig.tableLocation("s3://bench/warehouse"))).resource().id();

        System.out.println("LakeSail session bench (local engine, " + Runtime.getRuntime().availableProcessors()
                + " cores, " + samples + " samples)");
        long start = System.nanoTime();
        SessionHandle opened = lakesail.sessions().open(r -> r.clusterId(cluster).catalogIds(catalog));
        while (!lakesail.sessions().get(opened.id()).status().isReady()) {
            Thread.sleep(20);
        }
        System.out.printf("session start (create → ready)        %8.2f s%n", (System.nanoTime() - start) / 1e9);
        try (SessionHandle session = lakesail.sessions().handle(opened.id())) {
            for (int i = 0; i < 20; i++) {
                session.sql("SELECT 1");
            }
            List<Long> rest = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                ResultRows rows = session.sql("SELECT 1");
                rest.add(System.nanoTime() - t);
                if (rows.rowCount() != 1) {
                    throw new IllegalStateException("SELECT 1 gave " + rows.rowCount() + " rows");
                }
            }
            System.out.printf("warm SELECT 1 over REST     p50 %7.1f ms   p99 %7.1f ms%n", ms(rest, 50), ms(rest, 99));

            List<Long> direct = sparkConnect(engine, dataDir, session.connectionString(Duration.ofHours(1)), samples + 20);
            List<Long> warm = direct.subList(20, direct.size());
            System.out.printf("SELECT 1 over Spark Connect p50 %7.1f ms   p99 %7.1f ms   (through the gate; REST/direct p50 %.1fx)%n",
                    ms(warm, 50), ms(warm, 99), ms(rest, 50) / ms(warm, 50));

            session.sql("SELECT count(*) FROM range(10)");
            long t = System.nanoTime();
            long n = 0;
            long sum = 0;
            for (Row row : session.sql(StatementRequest.sql("SELECT id, concat('row-', id) AS label FROM range(100000)"))) {
                sum += row.getLong("id");
                n++;
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            if (n != 100_000 || sum != 99_999L * 100_000 / 2) {
                throw new IllegalStateException("the 100,000-row result came back with " + n + " rows");
            }
            System.out.printf("100,000 rows through REST pages %6.2f s   %,10.0f rows/s%n", seconds, n / seconds);
        }
    }

    /** Runs SELECT 1 {@code repeat} times with the Spark Connect Java client in a child JVM; each round trip's nanos. */
    private static List<Long> sparkConnect(EngineLauncher engine, Path dataDir, String connectionString, int repeat)
            throws Exception {
        Path logs = dataDir.resolve("clients").resolve("bench-client");
        ChildProcess client = engine.startRunner(RunnerSpec.builder().id("bench-client").logDirectory(logs)
                .environment("LAKESAIL_RUNNER_MODE", "sql").environment("SPARK_REMOTE", connectionString)
                .environment("LAKESAIL_SQL", "[\"SELECT 1\"]").environment("LAKESAIL_SQL_REPEAT", Integer.toString(repeat))
                .build());
        if (client.waitFor(WAIT) != 0) {
            throw new IllegalStateException("the Spark Connect client failed: "
                    + Files.readString(logs.resolve("runner.stdout.log"), StandardCharsets.UTF_8));
        }
        List<Long> nanos = new ArrayList<>();
        for (String line : Files.readAllLines(logs.resolve("runner.stdout.log"), StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                JsonNode node = new ObjectMapper().readTree(line);
                node.path("nanos").forEach(v -> nanos.add(v.asLong()));
            }
        }
        return nanos;
    }

    private static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
