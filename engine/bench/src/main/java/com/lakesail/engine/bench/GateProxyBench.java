package com.lakesail.engine.bench;

import com.lakesail.engine.EngineLauncher;
import com.lakesail.engine.Sail;
import com.lakesail.engine.SailSpec;
import com.lakesail.gate.TokenVerifier;
import com.lakesail.runner.GateProxy;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * What the session server's gate proxy ({@link GateProxy}) adds to a warm {@code SELECT 1} round
 * trip: one ungated Sail, one client session straight to it and one through a proxy in front of it
 * (token checked on every call), alternating call by call in the same run.
 *
 * <p>{@code mvn -B -q install -DskipTests && mvn -B -q -pl engine/bench exec:exec
 * -Dengine.bench.main=com.lakesail.engine.bench.GateProxyBench [-Dbench.runs=500]} (round trips each)
 */
public final class GateProxyBench {
    private static final int WARM_UP = 100;

    private GateProxyBench() {
    }

    public static void main(String[] args) throws Exception {
        int roundTrips = args.length > 0 ? Math.max(50, Integer.parseInt(args[0])) : 500;
        Path dir = Files.createTempDirectory("lakesail-gate-proxy-bench");
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("bench").audience("sail").subject("mem_bench")
                .claim("sid", "ses_bench").expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench").build(), claims);
        jwt.sign(new ECDSASigner(key));

        try (EngineLauncher launcher = EngineLauncher.builder().stateDirectory(dir.resolve("state")).build()) {
            Sail sail = launcher.startSail(SailSpec.builder().id("proxy-bench").logDirectory(dir.resolve("logs"))
                    .warehouseDirectory(dir.resolve("warehouse")).build());
            sail.awaitReady(Duration.ofMinutes(3));
            try (GateProxy proxy = GateProxy.start("127.0.0.1:0", "127.0.0.1:" + sail.port(),
                    TokenVerifier.create(jwks.toString(), "bench", "sail", "ses_bench"));
                 SparkSession direct = SparkSession.builder().remote(sail.endpoint()).create();
                 SparkSession proxied = SparkSession.builder()
                         .remote("sc://localhost:" + proxy.port() + "/;token=" + jwt.serialize()).create()) {
                System.out.printf("GateProxy bench: %d cores, JDK %s, %d warm-up + %d SELECT 1 round trips each, alternating%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), WARM_UP, roundTrips);
                for (int i = 0; i < WARM_UP; i++) {
                    direct.sql("SELECT 1").collectAsList();
                    proxied.sql("SELECT 1").collectAsList();
                }
                List<Long> plain = new ArrayList<>();
                List<Long> gated = new ArrayList<>();
                for (int i = 0; i < roundTrips; i++) {
                    // Alternate which goes first, so neither always follows the other's garbage.
                    if (i % 2 == 0) {
                        plain.add(roundTrip(direct));
                        gated.add(roundTrip(proxied));
                    } else {
                        gated.add(roundTrip(proxied));
                        plain.add(roundTrip(direct));
                    }
                }
                double p50 = percentile(plain, 50);
                double p99 = percentile(plain, 99);
                double g50 = percentile(gated, 50);
                double g99 = percentile(gated, 99);
                System.out.printf("direct to the Sail:   p50 %6.2f ms  p99 %6.2f ms%n", p50 / 1000, p99 / 1000);
                System.out.printf("through GateProxy:    p50 %6.2f ms  p99 %6.2f ms%n", g50 / 1000, g99 / 1000);
                System.out.printf("ratio (proxy/direct): p50 %.3f (%+.1f%%, %+.2f ms)  p99 %.3f%n", g50 / p50,
                        100 * (g50 - p50) / p50, (g50 - p50) / 1000, g99 / p99);
            } finally {
                sail.stop();
            }
        }
        // The Spark Connect client may leave retrying threads behind its closed sessions.
        System.exit(0);
    }

    private static long roundTrip(SparkSession spark) {
        long t = System.nanoTime();
        spark.sql("SELECT 1").collectAsList();
        return (System.nanoTime() - t) / 1000;
    }

    private static double percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
