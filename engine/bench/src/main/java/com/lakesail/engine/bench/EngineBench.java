package com.lakesail.engine.bench;

import com.lakesail.engine.ChildProcess;
import com.lakesail.engine.EngineLauncher;
import com.lakesail.engine.GateConfig;
import com.lakesail.engine.RunnerSpec;
import com.lakesail.engine.Sail;
import com.lakesail.engine.SailSpec;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * How fast the local Sail starts and answers, against the bare baseline measured in the same run
 * ({@link Baseline}: a stock Spark Connect server started and asked {@code SELECT 1} by a client). Also a job's engine half (Sail and runner
 * started together, to the runner's {@code succeeded}), the runner alone, the peak RSS of a Sail,
 * and what the session gate adds to a {@code SELECT 1} round trip.
 *
 * <p>{@code mvn -B -q install -DskipTests && mvn -B -q -pl engine/bench exec:exec [-Dbench.runs=5]}
 */
public final class EngineBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int ROUND_TRIPS = 500;

    private final Path dir;
    private final int runs;
    private final EngineLauncher launcher;
    private final Baseline baseline;
    private final HttpServer callbacks;
    private final Map<String, CompletableFuture<String>> outcomes = new ConcurrentHashMap<>();

    private EngineBench(Path dir, int runs) throws IOException {
        this.dir = dir;
        this.runs = runs;
        this.launcher = EngineLauncher.builder().stateDirectory(dir.resolve("state")).build();
        this.baseline = new Baseline(dir.resolve("baseline"));
        this.callbacks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callbacks.createContext("/runs/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String run = exchange.getRequestURI().getPath().split("/")[2];
            if (body.contains("\"type\":\"succeeded\"") || body.contains("\"type\":\"failed\"")) {
                outcomes.computeIfAbsent(run, r -> new CompletableFuture<>()).complete(body);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        callbacks.start();
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("lakesail-engine-bench");
        EngineBench bench = new EngineBench(dir, runs);
        try {
            bench.run();
        } finally {
            bench.launcher.close();
            bench.callbacks.stop(0);
        }
        // The Spark Connect client may leave retrying threads behind its closed sessions.
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("LakeSail engine bench: %d runs each, %d cores, JDK %s%n", runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        // Warm-up: the page cache, the client's classes, and the launcher's class data archives.
        baseline.startAndAnswer(0);
        Sail warm = launcher.startSail(spec("warm-0", null));
        answer(warm);
        warm.stop();
        warm = launcher.startSail(spec("warm-1", null));
        answer(warm);
        warm.stop();

        List<Long> bare = new ArrayList<>();
        List<Long> ready = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        List<Long> jvm = new ArrayList<>();
        List<Long> spark = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            bare.add(baseline.startAndAnswer(i));
            long started = System.nanoTime();
            Sail sail = launcher.startSail(spec("sail-" + i, null));
            answer(sail);
            answered.add(millisSince(started));
            ready.add(sail.startup().readyAfter().toMillis());
            jvm.add(sail.startup().jvmMillis());
            spark.add(sail.startup().sparkMillis());
            sail.stop();
        }
        long bareP50 = p50(bare);
        System.out.printf("%nBaseline: bare Spark Connect server, start to SELECT 1 answered   p50 %6d ms  %s%n", bareP50, bare);
        System.out.printf("Sail (launcher): start to ready                                 p50 %6d ms  %s%n", p50(ready), ready);
        System.out.printf("Sail (launcher): start to SELECT 1 answered                     p50 %6d ms  %s  = %.2f x bare%n",
                p50(answered), answered, (double) p50(answered) / bareP50);
        System.out.printf("  of which: JVM start to main %d ms, main to Connect bound %d ms, ready to first answer %d ms%n",
                p50(jvm), p50(spark), p50(answered) - p50(ready));

        // Own state directories: a launcher with other JVM options trains its own archive, which
        // would replace the default launcher's.
        knob("without class data sharing", EngineLauncher.builder().stateDirectory(dir.resolve("state-no-cds"))
                .classDataSharing(false).build(), bareP50);
        knob("with the full JIT (C2)", EngineLauncher.builder().stateDirectory(dir.resolve("state-c2"))
                .fastStartJit(false).build(), bareP50);

        jobs(bareP50);
        gate();
    }

    /** The start-to-answer p50 of the launcher with one knob turned off, to show what it buys. */
    private void knob(String label, EngineLauncher other, long bareP50) throws Exception {
        List<Long> answered = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            long started = System.nanoTime();
            Sail sail = other.startSail(spec("knob-" + i, null));
            answer(sail);
            answered.add(millisSince(started));
            sail.stop();
        }
        other.close();
        System.out.printf("Sail %-27s start to SELECT 1 answered         p50 %6d ms  %s  = %.2f x bare%n", label,
                p50(answered), answered, (double) p50(answered) / bareP50);
    }

    /** A job's engine half: Sail and runner launched together, until the runner reports success. */
    private void jobs(long bareP50) throws Exception {
        List<Long> jobs = new ArrayList<>();
        long rss = 0;
        for (int i = 1; i <= runs; i++) {
            long started = System.nanoTime();
            Sail sail = launcher.startSail(spec("job-" + i, null));
            ChildProcess runner = runner("jrn_" + i, sail, "SELECT 1");
            String outcome = outcomes.computeIfAbsent("jrn_" + i, r -> new CompletableFuture<>())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            jobs.add(millisSince(started));
            if (!outcome.contains("succeeded")) {
                throw new IllegalStateException("job " + i + " failed: " + outcome);
            }
            runner.waitFor(TIMEOUT);
            if (i == runs) {
                ChildProcess r = runner("jrn_agg", sail, "SELECT k, count(*), sum(v) FROM (SELECT id % 10 AS k, id AS v FROM range(5000000)) GROUP BY k");
                outcomes.computeIfAbsent("jrn_agg", x -> new CompletableFuture<>()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                r.waitFor(TIMEOUT);
                rss = peakRssKb(sail.pid());
                List<Long> alone = new ArrayList<>();
                for (int j = 1; j <= runs; j++) {
                    long t = System.nanoTime();
                    runner("jrn_alone_" + j, sail, "SELECT 1");
                    outcomes.computeIfAbsent("jrn_alone_" + j, x -> new CompletableFuture<>()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    alone.add(millisSince(t));
                }
                System.out.printf("Runner alone (Sail ready): start to succeeded                   p50 %6d ms  %s%n", p50(alone), alone);
            }
            sail.stop();
        }
        System.out.printf("Job engine half: Sail + runner launched together, to succeeded   p50 %6d ms  %s  = %.2f x bare%n",
                p50(jobs), jobs, (double) p50(jobs) / bareP50);
        System.out.printf("Peak RSS of one Sail (after SELECT 1 runs and a 5M-row GROUP BY, -Xmx%dm): %d MiB%n",
                SailSpec.DEFAULT_MEMORY_MB, rss / 1024);
    }

    /** SELECT 1 round trips on warm sessions, with and without the gate, alternating call by call. */
    private void gate() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        Sail open = launcher.startSail(spec("open", null));
        Sail gated = launcher.startSail(spec("gated", new GateConfig(jwks, "bench", "sail", "ses_bench")));
        open.awaitReady(TIMEOUT);
        gated.awaitReady(TIMEOUT);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("bench").audience("sail").subject("mem_bench")
                .claim("sid", "ses_bench").expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench").build(), claims);
        jwt.sign(new ECDSASigner(key));
        List<Long> plain = new ArrayList<>();
        List<Long> checked = new ArrayList<>();
        try (SparkSession a = SparkSession.builder().remote(open.endpoint()).create();
             SparkSession b = SparkSession.builder().remote(gated.connectionString(jwt.serialize())).create()) {
            for (int i = 0; i < 20; i++) {
                a.sql("SELECT 1").collectAsList();
                b.sql("SELECT 1").collectAsList();
            }
            for (int i = 0; i < ROUND_TRIPS; i++) {
                plain.add(roundTrip(a));
                checked.add(roundTrip(b));
            }
        }
        open.stop();
        gated.stop();
        double p50Plain = p50(plain);
        double p50Gated = p50(checked);
        System.out.printf("SELECT 1 round trip, warm session: no gate p50 %.2f ms, gate p50 %.2f ms: %+.1f%% (%d each)%n",
                p50Plain / 1000, p50Gated / 1000, 100 * (p50Gated - p50Plain) / p50Plain, plain.size());
    }

    private static long roundTrip(SparkSession spark) {
        long t = System.nanoTime();
        spark.sql("SELECT 1").collectAsList();
        return (System.nanoTime() - t) / 1000;
    }

    private SailSpec spec(String id, GateConfig gate) {
        return SailSpec.builder().id(id).logDirectory(dir.resolve("logs").resolve(id))
                .warehouseDirectory(dir.resolve("warehouse")).gate(gate).build();
    }

    private ChildProcess runner(String runId, Sail sail, String sql) {
        String spec = "{\"runId\":\"" + runId + "\",\"entrypoint\":{\"type\":\"sql\",\"statements\":[\"" + sql + "\"]}}";
        return launcher.startRunner(RunnerSpec.builder().id(runId).logDirectory(dir.resolve("logs").resolve(runId))
                .environment(Map.of("SPARK_REMOTE", sail.endpoint(),
                        "LAKESAIL_CALLBACK_URL", "http://127.0.0.1:" + callbacks.getAddress().getPort() + "/runs/" + runId,
                        "LAKESAIL_CALLBACK_TOKEN", "bench", "LAKESAIL_RUN_SPEC", spec))
                .build());
    }

    private static void answer(Sail sail) throws Exception {
        Baseline.answer(sail.endpoint(), sail.port());
    }

    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long p50(List<Long> values) {
        return Baseline.p50(values);
    }

}
