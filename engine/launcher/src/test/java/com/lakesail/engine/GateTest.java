package com.lakesail.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session gate in front of a real Sail, reached with the real Spark Connect client. */
class GateTest {
    private static final String SESSION = "ses_gate";
    private static SessionTokens tokens;
    private static Sail sail;

    @BeforeAll
    static void start() throws Exception {
        Path dir = TestEngine.newDirectory("gate");
        tokens = new SessionTokens("key-1");
        sail = TestEngine.launcher().startSail(SailSpec.builder().id("gate-test").logDirectory(dir)
                .warehouseDirectory(dir.resolve("warehouse"))
                .gate(tokens.gate(tokens.writeJwks(dir.resolve("jwks.json")), SESSION)).build());
        sail.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (sail != null) {
            sail.stop();
        }
    }

    @Test
    void connect_withValidToken_runsSql() throws Exception {
        try (SparkSession spark = TestEngine.connect(sail.connectionString(tokens.token(SESSION, Duration.ofHours(1))))) {
            assertEquals(2L, spark.sql("SELECT 1 + 1").collectAsList().get(0).getInt(0) * 1L);
        }
    }

    @Test
    void connect_withoutToken_isRefused() {
        assertRefused(sail.endpoint(), "a session token is required");
    }

    @Test
    void connect_withTokenSignedByAnotherKey_isRefused() throws Exception {
        String forged = new SessionTokens("key-1").token(SESSION, Duration.ofHours(1));
        assertRefused(sail.connectionString(forged), "not valid");
    }

    @Test
    void connect_withExpiredToken_isRefused() throws Exception {
        assertRefused(sail.connectionString(tokens.token(SESSION, Duration.ofMinutes(-5))), "expired");
    }

    @Test
    void connect_withAnotherSessionsToken_isRefused() throws Exception {
        assertRefused(sail.connectionString(tokens.token("ses_other", Duration.ofHours(1))), "another session");
    }

    @Test
    void connect_withGarbageToken_isRefused() {
        assertRefused(sail.connectionString("not-a-jwt"), "not valid");
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
