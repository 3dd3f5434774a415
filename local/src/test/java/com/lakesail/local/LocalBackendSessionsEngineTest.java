package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.engine.ChildProcess;
import com.lakesail.engine.EngineLauncher;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sessions on the real local engine, checked from outside as a user would: two sessions (a gated
 * Sail and a session server each), statements over REST, the Spark Connect Java client through the
 * gate, the idle timeout and a close. The sessions are shared, so the tests that end one run last.
 * The cancel runs late: were a cancelled statement's Spark job to run on, its tasks would starve
 * the statements of the tests after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalBackendSessionsEngineTest {
    private static final Path TARGET = Path.of(System.getProperty("lakesail.build.dir", "target")).toAbsolutePath();
    /** A statement that keeps the engine busy until it is interrupted (engine-notes: cancelled in 0.2 s). */
    private static final String ENDLESS = "SELECT count(*) FROM range(100000000000) WHERE sha2(cast(id AS string), 256) = 'x'";
    private static final OffsetClock CLOCK = new OffsetClock();
    private static Path data;
    private static EngineLauncher launcher;
    private static LocalBackend backend;
    private static SessionSteps steps;
    /** Idle timeout 15 minutes; closed on request at the end. */
    private static String first;
    /** Idle timeout 15 minutes, so it outlives the tests that use it (they take minutes in real time). */
    private static String second;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createDirectories(TARGET.resolve("sessions-engine-" + System.nanoTime()));
        backend = LocalBackend.builder().port(0).dataDirectory(data).clock(CLOCK)
                .sandboxTimings(SandboxTimings.instant()).start();
        launcher = backend.engine().launcher();
        steps = new SessionSteps(backend);
        first = steps.open(15);
        second = steps.openActive(15);
        steps.await(steps.path("/sessions/" + first), s -> !s.path("status").asText().equals("pending"),
                SessionSteps.SESSION_START);
        assertEquals("active", steps.session(first).path("status").asText());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    @Order(1)
    void statement_whenSelectOne_answersWithItsRowAtOnce() {
        JsonNode statement = steps.succeeded(first, "SELECT 1 AS n, 'x' AS s");

        assertEquals("[{\"name\":\"n\",\"type\":\"int\"},{\"name\":\"s\",\"type\":\"string\"}]",
                statement.path("result").path("columns").toString());
        assertEquals("[[1,\"x\"]]", statement.path("result").path("rows").toString());
        assertEquals(1, statement.path("result").path("rowCount").asInt());
        assertTrue(statement.path("result").path("nextToken").isNull());
        assertEquals("idle", steps.session(first).path("status").asText(), "idle once its last statement ended");
    }

    @Test
    @Order(2)
    void statement_withParameters_bindsThemAsSparkNamedParameters() {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("sql", "SELECT :a + 1 AS b, upper(:s) AS s").put("waitSeconds", 20);
        body.putObject("parameters").put("a", 41).put("s", "it's; DROP TABLE x");

        Response response = steps.statement(first, body);

        assertEquals("succeeded", response.json().path("status").asText(), response.toString());
        assertEquals("[[42,\"IT'S; DROP TABLE X\"]]", response.json().path("result").path("rows").toString());
    }

    @Test
    @Order(3)
    void tempViewAndSettings_persistInTheirSessionAndAreInvisibleToAnother() {
        steps.succeeded(first, "CREATE OR REPLACE TEMP VIEW only_here AS SELECT 42 AS answer");
        steps.succeeded(first, "SET spark.sql.shuffle.partitions=3");

        assertEquals("[[42]]", steps.succeeded(first, "SELECT answer FROM only_here").path("result").path("rows").toString());
        assertEquals("[[\"spark.sql.shuffle.partitions\",\"3\"]]",
                steps.succeeded(first, "SET spark.sql.shuffle.partitions").path("result").path("rows").toString());
        Response elsewhere = steps.statement(second, "SELECT answer FROM only_here");
        assertEquals("failed", elsewhere.json().path("status").asText(), elsewhere.toString());
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", elsewhere.json().path("error").path("errorClass").asText());
        assertFalse(steps.succeeded(second, "SET spark.sql.shuffle.partitions").path("result").path("rows").toString()
                .contains("\"3\""), "a setting of one session is not another's");
    }

    @Test
    @Order(4)
    void failingStatement_carriesTheEnginesErrorClassAndMessage() {
        Response response = steps.statement(first, "SELECT * FROM no_such_table");

        JsonNode failed = response.json();
        assertEquals("failed", failed.path("status").asText(), response.toString());
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", failed.path("error").path("errorClass").asText());
        assertTrue(failed.path("error").path("message").asText().contains("no_such_table"), failed.toString());
        assertTrue(failed.path("result").isNull());
    }

    @Test
    @Order(5)
    void largeResult_whenPaged_arrivesCompletelyAndInOrder() {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("sql", "SELECT id, concat('row-', id) AS label FROM range(100000)")
                .put("waitSeconds", 20).put("limit", 7000);
        JsonNode statement = steps.statement(first, body).json();
        if (!statement.path("status").asText().equals("succeeded")) {
            statement = steps.await(steps.path("/statements/" + statement.path("id").asText()) + "?limit=7000",
                    s -> s.path("status").asText().equals("succeeded"), Duration.ofMinutes(2));
        }
        assertEquals(100_000, statement.path("result").path("rowCount").asLong());
        assertFalse(statement.path("result").path("truncated").asBoolean());

        long expected = 0;
        int pages = 0;
        JsonNode page = statement.path("result");
        while (true) {
            assertEquals(expected, page.path("firstRow").asLong());
            for (JsonNode row : page.path("rows")) {
                assertEquals(expected, row.get(0).asLong());
                assertEquals("row-" + expected, row.get(1).asText());
                expected++;
            }
            pages++;
            if (page.path("nextToken").isNull()) {
                break;
            }
            page = steps.get(steps.path("/statements/" + statement.path("id").asText()) + "?limit=7000&nextToken="
                    + page.path("nextToken").asText()).path("result");
        }
        assertEquals(100_000, expected);
        assertTrue(pages >= 15, "pages of at most 7000 rows: " + pages);
    }

    @Test
    @Order(6)
    void savedQuery_overATable_runsWithItsParameters() {
        steps.succeeded(first, "CREATE NAMESPACE IF NOT EXISTS lake.demo");
        steps.succeeded(first, "CREATE TABLE IF NOT EXISTS lake.demo.sales (region string, amount bigint) USING iceberg");
        steps.succeeded(first, "INSERT INTO lake.demo.sales VALUES ('north', 10), ('south', 5), ('north', 7), ('east', 1)");
        Response query = steps.api().post(steps.path("/queries"), steps.owner.token(), "{\"name\":\"sales by region\","
                + "\"sql\":\"SELECT region, sum(amount) AS total FROM lake.demo.sales WHERE amount >= :min GROUP BY region"
                + " ORDER BY region\",\"parameters\":[{\"name\":\"min\",\"type\":\"bigint\",\"default\":0}]}");
        assertEquals(201, query.status(), query.toString());
        String queryId = query.json().path("id").asText();

        ObjectNode run = HttpApi.JSON.createObjectNode().put("queryId", queryId).put("waitSeconds", 20);
        run.putObject("parameters").put("min", 5);
        JsonNode statement = steps.statement(first, run).json();

        assertEquals("succeeded", statement.path("status").asText(), statement.toString());
        assertEquals(queryId, statement.path("queryId").asText());
        assertEquals("[[\"north\",17],[\"south\",5]]", statement.path("result").path("rows").toString());
    }

    /**
     * Several times over, at different moments after the start: a cancel that lands while Spark's
     * adaptive planner submits the statement's map stage used to leave that stage's job running
     * (one cancel in a few here), and the next statement waited behind it for good.
     */
    @Test
    @Order(10)
    void longStatement_whenCancelled_endsCancelledAndTheSessionGoesOn() throws InterruptedException {
        for (int round = 0; round < 6; round++) {
            Response started = steps.statement(first, HttpApi.JSON.createObjectNode().put("sql", ENDLESS).put("waitSeconds", 0));
            String id = started.json().path("id").asText();
            steps.await(steps.path("/statements/" + id), s -> s.path("status").asText().equals("running"), Duration.ofMinutes(1));
            Thread.sleep(round % 3 * 150L);

            Response cancel = steps.api().post(steps.path("/statements/" + id + "/cancel"), steps.owner.token(), null);

            assertEquals(202, cancel.status(), cancel.toString());
            JsonNode cancelled = steps.await(steps.path("/statements/" + id), s -> !s.path("status").asText().equals("running"),
                    Duration.ofMinutes(1));
            assertEquals("cancelled", cancelled.path("status").asText(), cancelled.toString());
            assertEquals("[[2]]", steps.succeeded(first, "SELECT 2").path("result").path("rows").toString(),
                    "the session goes on after cancel " + (round + 1));
        }
    }

    @Test
    @Order(7)
    void sparkConnectClient_withTheSessionsToken_runsSqlAndWithAnyOtherTokenIsRefused() throws Exception {
        Response issued = steps.api().post(steps.path("/sessions/" + first + "/tokens"), steps.owner.token(),
                "{\"expiresInMinutes\":30}");
        assertEquals(201, issued.status(), issued.toString());
        String connection = issued.json().path("connectionString").asText();
        String endpoint = steps.session(first).path("endpoint").asText();
        assertEquals(endpoint + "/;token=" + issued.json().path("token").asText(), connection);
        String otherSessions = steps.api().post(steps.path("/sessions/" + second + "/tokens"), steps.owner.token(), null)
                .json().path("token").asText();

        SparkConnectClient.Outcome ok = SparkConnectClient.run(launcher, data.resolve("clients"), connection, 1,
                "SELECT 6 * 7 AS answer");
        assertEquals(0, ok.exit(), ok.lines().toString());
        assertEquals("[[42]]", ok.lines().get(0).path("rows").toString());

        assertRefused(endpoint, "a session token is required");
        assertRefused(endpoint + "/;token=" + forged(Duration.ofHours(1), new ECKeyGenerator(Curve.P_256).keyID(kid()).generate()),
                "not valid");
        assertRefused(endpoint + "/;token=" + forged(Duration.ofMinutes(-5), signingKey()), "expired");
        assertRefused(endpoint + "/;token=" + otherSessions, "another session");
    }

    @Test
    @Order(8)
    void tokens_areKeptNowhere_inTheStoreTheAuditLogOrAnyLog() throws Exception {
        String token = steps.api().post(steps.path("/sessions/" + first + "/tokens"), steps.owner.token(), null)
                .json().path("token").asText();
        assertTrue(token.split("\\.").length == 3, token.length() + " characters: a JWS");
        String signature = token.substring(token.lastIndexOf('.') + 1);

        JsonNode audit = steps.get(steps.path("/audit-events?limit=100"));
        assertFalse(audit.toString().contains(signature), "the audit log holds no token");
        assertTrue(audit.toString().contains("sessions:connect"), "the token's issue is audited");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(signature),
                        file + " holds a session token");
            }
        }
        Path key = data.resolve("keys").resolve("session-signing-key.jwk");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
                "the signing key is its owner's alone");
    }

    @Test
    @Order(9)
    void idleTimeout_doesNotCloseASessionUnderALongStatement_butClosesItOnceIdleAndItsProcessesAreGone() throws Exception {
        String idler = steps.openActive(1);
        List<ChildProcess> processes = processesOf(idler);
        assertEquals(2, processes.size(), "a Sail and a session server");
        String id = steps.statement(idler, HttpApi.JSON.createObjectNode().put("sql", ENDLESS).put("waitSeconds", 0))
                .json().path("id").asText();
        steps.await(steps.path("/statements/" + id), s -> s.path("status").asText().equals("running"), Duration.ofMinutes(1));

        CLOCK.advance(Duration.ofSeconds(70));
        backend.workflows().clockChanged();
        Thread.sleep(3_000);
        assertEquals("active", steps.session(idler).path("status").asText(), "a running statement is activity");

        steps.api().post(steps.path("/statements/" + id + "/cancel"), steps.owner.token(), null);
        steps.await(steps.path("/statements/" + id), s -> s.path("status").asText().equals("cancelled"), Duration.ofMinutes(1));
        assertEquals("idle", steps.session(idler).path("status").asText());
        CLOCK.advance(Duration.ofSeconds(70));
        backend.workflows().clockChanged();

        JsonNode closed = steps.await(steps.path("/sessions/" + idler), s -> s.path("status").asText().equals("closed"),
                Duration.ofMinutes(1));
        assertEquals("it was idle for 1 minute", closed.path("statusReason").asText());
        for (ChildProcess p : processes) {
            assertTrue(p.onExit().isDone() && ProcessHandle.of(p.pid()).map(h -> !h.isAlive()).orElse(true),
                    p.kind() + " " + p.pid() + " is gone");
        }
    }

    @Test
    @Order(11)
    void close_whenAsked_endsTheSessionItsProcessesAndItsStatements() {
        List<ChildProcess> processes = processesOf(first);
        assertEquals(2, processes.size());

        Response close = steps.api().post(steps.path("/sessions/" + first + "/close"), steps.owner.token(), null);

        assertEquals(202, close.status(), close.toString());
        assertTrue(close.json().path("closeRequested").asBoolean());
        JsonNode closed = steps.await(steps.path("/sessions/" + first), s -> s.path("status").asText().equals("closed"),
                Duration.ofMinutes(1));
        assertTrue(closed.path("statusReason").asText().startsWith("closed on request by "), closed.toString());
        processes.forEach(p -> assertTrue(p.onExit().isDone(), p.kind() + " is gone"));
        Response late = steps.statement(first, "SELECT 1");
        assertEquals(409, late.status(), late.toString());
    }

    private static List<ChildProcess> processesOf(String sessionId) {
        return launcher.children().stream().filter(c -> c.id().endsWith("." + sessionId)).toList();
    }

    private static void assertRefused(String connectionString, String reason) throws Exception {
        SparkConnectClient.Outcome refused = SparkConnectClient.run(launcher, data.resolve("clients"), connectionString, 1,
                "SELECT 1");
        assertTrue(refused.refused(), refused.lines().toString());
        assertTrue(refused.error().contains("UNAUTHENTICATED") && refused.error().contains(reason), refused.error());
    }

    /** A token for the first session signed by {@code key}, valid for {@code validFor} from now (negative: expired). */
    private static String forged(Duration validFor, ECKey key) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(backend.endpoint().toString()).audience("lakesail-sail")
                .subject(steps.session(first).path("ownerMemberId").asText()).claim("sid", first)
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.plus(validFor))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static ECKey signingKey() throws IOException, java.text.ParseException {
        ECKey key = ECKey.parse(Files.readString(data.resolve("keys").resolve("session-signing-key.jwk")));
        return new ECKey.Builder(key).keyID(kid()).build();
    }

    /** The kid the JWKS document names: a forged token claims it too. */
    private static String kid() {
        JsonNode jwks = steps.api().get("/v1/.well-known/jwks.json", null).json();
        String kid = jwks.path("keys").path(0).path("kid").asText(null);
        assertNotNull(kid, jwks.toString());
        return kid;
    }
}
