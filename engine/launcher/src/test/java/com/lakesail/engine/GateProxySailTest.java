package com.lakesail.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.gate.TokenVerifier;
import com.lakesail.runner.GateProxy;
import com.lakesail.runner.SessionCertificate;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner's GateProxy in front of a real Sail that checks no token (as the Sail binary on a
 * cluster), reached with the real Spark Connect client through the proxy only.
 */
class GateProxySailTest {
    private static final String SESSION = "ses_proxy";
    private static SessionTokens tokens;
    private static Sail sail;
    private static GateProxy proxy;
    private static Path dir;
    private static Path jwks;

    @BeforeAll
    static void start() throws Exception {
        dir = TestEngine.newDirectory("gate-proxy");
        tokens = new SessionTokens("key-1");
        jwks = tokens.writeJwks(dir.resolve("jwks.json"));
        sail = TestEngine.launcher().startSail(SailSpec.builder().id("gate-proxy-test").logDirectory(dir)
                .warehouseDirectory(dir.resolve("warehouse")).build());
        proxy = GateProxy.start("127.0.0.1:0", "127.0.0.1:" + sail.port(),
                TokenVerifier.create(jwks.toString(), SessionTokens.ISSUER, SessionTokens.AUDIENCE, SESSION));
        sail.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (sail != null) {
            sail.stop();
        }
    }

    /** Through the proxy: {@code localhost}, or the client would turn TLS on for the token. */
    private static String through(String token) {
        return "sc://localhost:" + proxy.port() + (token == null ? "" : "/;token=" + token);
    }

    @Test
    void validToken_runsSelect1_andAManyRowQueryCompletely() throws Exception {
        try (SparkSession spark = TestEngine.connect(through(tokens.token(SESSION, Duration.ofHours(1))))) {
            assertEquals(1, spark.sql("SELECT 1").collectAsList().get(0).getInt(0));

            List<Row> rows = spark.sql("SELECT id, repeat('x', 100) AS pad FROM range(200000)").collectAsList();
            assertEquals(200_000, rows.size());
            long sum = 0;
            for (Row r : rows) {
                sum += r.getLong(0);
            }
            assertEquals(199_999L * 200_000L / 2, sum);
            assertEquals(199_999L, rows.get(199_999).getLong(0));
        }
    }

    @Test
    void withoutToken_isRefused() {
        assertRefused(through(null), "a session token is required");
    }

    @Test
    void tokenSignedByAnotherKey_isRefused() throws Exception {
        assertRefused(through(new SessionTokens("key-1").token(SESSION, Duration.ofHours(1))), "the session token is not valid");
    }

    @Test
    void expiredToken_isRefused() throws Exception {
        assertRefused(through(tokens.token(SESSION, Duration.ofMinutes(-5))), "the session token has expired");
    }

    @Test
    void anotherSessionsToken_isRefused() throws Exception {
        assertRefused(through(tokens.token("ses_other", Duration.ofHours(1))), "the session token is for another session");
    }

    @Test
    void longQuery_interruptedThroughTheProxy_ends() throws Exception {
        try (SparkSession spark = TestEngine.connect(through(tokens.token(SESSION, Duration.ofHours(1))))) {
            spark.sql("SELECT 1").collectAsList();
            CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
                try {
                    spark.sql("SELECT count(*) FROM range(100000000000) WHERE sha2(cast(id AS string), 256) = 'x'").collectAsList();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(3_000);
            assertTrue(!ended.isDone(), "the long query ended by itself: " + (ended.isDone() ? ended.get() : ""));
            long interrupted = System.nanoTime();

            spark.interruptAll();

            Throwable t = ended.get(60, TimeUnit.SECONDS);
            assertTrue(t != null, "the long query finished instead of being interrupted");
            assertTrue(String.valueOf(t.getMessage()).contains("OPERATION_CANCELED") || String.valueOf(t).contains("cancel"),
                    String.valueOf(t));
            System.out.printf("long query ended %d ms after interruptAll through the proxy%n",
                    (System.nanoTime() - interrupted) / 1_000_000);
            // The session goes on.
            assertEquals(2, spark.sql("SELECT 1 + 1").collectAsList().get(0).getInt(0));
        }
    }

    /**
     * The gate as on a cluster: reached by a name other than localhost, so the Spark Connect client (in a
     * JVM of its own) turns TLS on for the token, and serving TLS with the session's own certificate.
     */
    @Test
    void tlsGate_withTheSessionsCertificate_admitsAClientTrustingIt_andRefusesOneThatDoesNot() throws Exception {
        SessionCertificate certificate = SessionCertificate.generate("127.0.0.1", Instant.now());
        Path trustStore = dir.resolve("trust-" + System.nanoTime() + ".p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("lakesail-session", certificate.certificate());
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store.store(out, "changeit".toCharArray());
        }
        try (GateProxy tls = GateProxy.start("127.0.0.1:0", "127.0.0.1:" + sail.port(),
                TokenVerifier.create(jwks.toString(), SessionTokens.ISSUER, SessionTokens.AUDIENCE, SESSION), certificate.tls())) {
            String connectionString = "sc://127.0.0.1:" + tls.port() + "/;token=" + tokens.token(SESSION, Duration.ofHours(1));

            String trusting = client(connectionString, 120, "-Djavax.net.ssl.trustStore=" + trustStore,
                    "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12");
            assertTrue(trusting.contains("RESULT=1"), trusting);

            // The client retries UNAVAILABLE for minutes: its first refusals are enough.
            String defaultTrust = client(connectionString, 20);
            assertTrue(!defaultTrust.contains("RESULT="), defaultTrust);
            assertTrue(defaultTrust.contains("UNAVAILABLE"), defaultTrust);
        }
    }

    /**
     * Runs {@link SparkConnectClientMain} ({@code SELECT 1}) in a child JVM with {@code jvmOptions} for at most
     * {@code seconds}; its result line, or its whole output when it has none.
     */
    private static String client(String connectionString, int seconds, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkConnectClientMain.class.getName(),
                connectionString, "SELECT 1"));
        Path output = dir.resolve("client-" + System.nanoTime() + ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            child.waitFor(seconds, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder();
        log.lines().filter(l -> l.startsWith("RESULT=") || l.startsWith("ERROR=")).forEach(l -> lines.append(l).append('\n'));
        return lines.length() > 0 ? lines.toString() : log;
    }

    private static void assertRefused(String connectionString, String reason) {
        Exception e = assertThrows(Exception.class, () -> {
            try (SparkSession spark = TestEngine.connect(connectionString)) {
                spark.sql("SELECT 1").collectAsList();
            }
        });
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains("UNAUTHENTICATED"), message);
        assertTrue(message.contains(reason), message);
    }
}
