package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.AccessSteps.Joined;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions and statements over HTTP with the engine played by {@link FakeSessionRuntime} (which
 * reports exactly as the session server does): the lifecycle, validation naming fields, tenancy,
 * ownership, result pages, tokens and the JWKS document, and a cluster's deletion closing its sessions.
 */
class LocalBackendSessionsTest {
    private static final OffsetClock CLOCK = new OffsetClock();
    private static final FakeSessionRuntime ENGINE = new FakeSessionRuntime();
    private static LocalBackend backend;
    private static SessionSteps steps;
    private static String session;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(CLOCK).sessionRuntime(ENGINE)
                .sandboxTimings(SandboxTimings.instant()).start();
        steps = new SessionSteps(backend);
        session = steps.openActive(15);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void create_whenActive_showsTheSessionAsALifecycleObject() {
        // Its own session: the shared one turns idle once another test's statement ended.
        String fresh = steps.openActive(15);
        JsonNode s = steps.session(fresh);

        assertEquals("active", s.path("status").asText());
        assertEquals("active", s.path("stage").asText());
        assertEquals(100, s.path("progress").asInt());
        assertEquals(FakeSessionRuntime.ENDPOINT, s.path("endpoint").asText());
        assertEquals(15, s.path("idleTimeoutMinutes").asInt());
        assertEquals(steps.clusterId, s.path("clusterId").asText());
        assertEquals("[\"" + steps.catalogId + "\"]", s.path("catalogIds").toString());
        assertTrue(s.path("statusReason").isNull());
        assertEquals(2, ENGINE.spec(fresh).compute().driver().cpu());
        assertEquals(backend.endpoint() + "/v1/.well-known/jwks.json", ENGINE.spec(fresh).gate().jwksUrl().toString());
    }

    @Test
    void ready_withTheGatesCertificate_keepsItAndShowsItOnTheSessionAndItsTokens() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIQ\n-----END CERTIFICATE-----\n";
        String tls;
        ENGINE.ready(false);
        try {
            tls = steps.open(15);
            steps.await(steps.path("/sessions/" + tls), s -> ENGINE.started(tls), Duration.ofSeconds(30));
        } finally {
            ENGINE.ready(true);
        }
        for (String bad : List.of("MIIBkTCCATegAwIBAgIQ", pem + "x".repeat(8192))) {
            var refused = ENGINE.postForAnswer(tls, FakeSessionRuntime.JSON.createObjectNode().put("type", "session_ready")
                    .put("endpoint", "sc://gate.example:15002").put("certificate", bad));
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"certificate\""), refused.body());
        }
        assertEquals("pending", steps.session(tls).path("status").asText());

        int accepted = ENGINE.post(tls, FakeSessionRuntime.JSON.createObjectNode().put("type", "session_ready")
                .put("endpoint", "sc://gate.example:15002").put("certificate", pem));
        assertEquals(2, accepted / 100, "accepted: " + accepted);

        JsonNode s = steps.await(steps.path("/sessions/" + tls), x -> x.path("status").asText().equals("active"),
                Duration.ofSeconds(30));
        assertEquals("sc://gate.example:15002", s.path("endpoint").asText());
        assertEquals(pem, s.path("endpointCertificate").asText());
        Response issued = steps.api().post(steps.path("/sessions/" + tls + "/tokens"), steps.owner.token(), "{}");
        assertEquals(201, issued.status(), issued.toString());
        assertEquals(pem, issued.json().path("endpointCertificate").asText());
        assertTrue(issued.json().path("connectionString").asText().startsWith("sc://gate.example:15002/;token="));

        // A session reached on localhost has none.
        assertTrue(steps.session(session).path("endpointCertificate").isNull());
        Response plain = steps.api().post(steps.path("/sessions/" + session + "/tokens"), steps.owner.token(), "{}");
        assertTrue(plain.json().has("endpointCertificate") && plain.json().path("endpointCertificate").isNull(), plain.toString());
    }

    @Test
    void create_withBadInput_is400NamingEachField() {
        Response zero = steps.api().post(steps.path("/sessions"), steps.owner.token(),
                "{\"clusterId\":\"" + steps.clusterId + "\",\"idleTimeoutMinutes\":0}");
        assertError(zero, 400, "ValidationError");
        assertEquals(List.of("idleTimeoutMinutes"), zero.fields());
        Response week = steps.api().post(steps.path("/sessions"), steps.owner.token(),
                "{\"clusterId\":\"" + steps.clusterId + "\",\"idleTimeoutMinutes\":10081}");
        assertEquals(List.of("idleTimeoutMinutes"), week.fields());
        assertEquals(List.of("clusterId"), steps.api().post(steps.path("/sessions"), steps.owner.token(), "{}").fields());
        assertEquals(List.of("catalogIds[0]"), steps.api().post(steps.path("/sessions"), steps.owner.token(),
                "{\"clusterId\":\"" + steps.clusterId + "\",\"catalogIds\":[\"cat_nope\"]}").fields());
        assertEquals(List.of("clusterId"), steps.api().post(steps.path("/sessions"), steps.owner.token(),
                "{\"clusterId\":\"clu_nope\"}").fields());
    }

    @Test
    void statement_withBadInput_is400NamingTheField() {
        assertEquals(List.of("sql"), statement("{\"sql\":\"  \"}").fields());
        assertEquals(List.of("sql"), statement("{}").fields());
        assertEquals(List.of("queryId"), statement("{\"queryId\":\"qry_nope\"}").fields());
        assertEquals(List.of("queryId"), statement("{\"sql\":\"SELECT 1\",\"queryId\":\"qry_nope\"}").fields().subList(0, 1));
        assertEquals(List.of("waitSeconds"), statement("{\"sql\":\"SELECT 1\",\"waitSeconds\":21}").fields());
        assertEquals(List.of("parameters.1x"), statement("{\"sql\":\"SELECT 1\",\"parameters\":{\"1x\":1}}").fields());
        String queryId = createQuery("{\"name\":\"q\",\"sql\":\"SELECT :day\",\"parameters\":[{\"name\":\"day\",\"type\":\"date\"}]}");
        assertEquals(List.of("parameters.nope"), statement("{\"queryId\":\"" + queryId + "\",\"parameters\":{\"day\":\"2026-01-01\","
                + "\"nope\":1}}").fields());
        assertEquals(List.of("parameters.day"), statement("{\"queryId\":\"" + queryId + "\"}").fields());
        assertEquals(List.of("parameters.day"), statement("{\"queryId\":\"" + queryId + "\",\"parameters\":{\"day\":\"monday\"}}")
                .fields());
    }

    @Test
    void statement_whenItEndsWithinTheWait_answersWithItsResultAndTheSessionIdles() {
        Response response = statement("{\"sql\":\"SELECT 1\",\"waitSeconds\":10}");

        assertEquals(201, response.status(), response.toString());
        assertEquals("succeeded", response.json().path("status").asText());
        assertEquals("[[1]]", response.json().path("result").path("rows").toString());
        JsonNode read = steps.get(steps.path("/statements/" + response.json().path("id").asText()));
        assertEquals(response.json().path("result"), read.path("result"));
        steps.await(steps.path("/sessions/" + session), s -> s.path("status").asText().equals("idle")
                && s.path("statementsInFlight").asInt() == 0, Duration.ofSeconds(10));
    }

    @Test
    void statement_whenItOutlastsTheWait_answersWithItsIdToPoll() {
        Response response = statement("{\"sql\":\"HOLD a while\",\"waitSeconds\":0}");

        assertEquals(201, response.status(), response.toString());
        String id = response.json().path("id").asText();
        assertTrue(response.json().path("status").asText().matches("pending|running"), response.toString());
        steps.await(steps.path("/statements/" + id), s -> s.path("status").asText().equals("running"), Duration.ofSeconds(10));
        assertEquals("active", steps.session(session).path("status").asText(), "a statement in flight keeps it active");
        ENGINE.finish(session, id);
        JsonNode ended = steps.get(steps.path("/statements/" + id + "?waitSeconds=10"));
        assertEquals("succeeded", ended.path("status").asText(), ended.toString());
    }

    @Test
    void statement_whenTheEngineRefusesIt_carriesItsErrorClassAndMessage() {
        JsonNode failed = statement("{\"sql\":\"FAIL [DIVIDE_BY_ZERO] Division by zero.\",\"waitSeconds\":10}").json();

        assertEquals("failed", failed.path("status").asText(), failed.toString());
        assertEquals("TEST_FAILURE", failed.path("error").path("errorClass").asText());
        assertEquals("[DIVIDE_BY_ZERO] Division by zero.", failed.path("error").path("message").asText());
    }

    @Test
    void cancel_whenRunning_endsTheStatementCancelled_andTwiceIs409() {
        String id = statement("{\"sql\":\"HOLD\",\"waitSeconds\":0}").json().path("id").asText();
        steps.await(steps.path("/statements/" + id), s -> s.path("status").asText().equals("running"), Duration.ofSeconds(10));

        Response cancel = steps.api().post(steps.path("/statements/" + id + "/cancel"), steps.owner.token(), null);

        assertEquals(202, cancel.status(), cancel.toString());
        assertTrue(cancel.json().path("cancelRequested").asBoolean());
        JsonNode cancelled = steps.get(steps.path("/statements/" + id + "?waitSeconds=10"));
        assertEquals("cancelled", cancelled.path("status").asText());
        assertEquals("cancelled on request", cancelled.path("statusReason").asText());
        assertError(steps.api().post(steps.path("/statements/" + id + "/cancel"), steps.owner.token(), null), 409, "Conflict");
    }

    @Test
    void result_whenLargerThanAPage_pagesInOrderWithOpaqueTokens() {
        JsonNode statement = statement("{\"sql\":\"ROWS 2500\",\"waitSeconds\":10,\"limit\":600}").json();
        assertEquals(2500, statement.path("result").path("rowCount").asInt(), statement.toString());

        long expected = 0;
        JsonNode page = statement.path("result");
        while (true) {
            assertEquals(expected, page.path("firstRow").asLong());
            assertTrue(page.path("rows").size() <= 600);
            for (JsonNode row : page.path("rows")) {
                assertEquals(expected++, row.get(0).asLong());
            }
            if (page.path("nextToken").isNull()) {
                break;
            }
            page = steps.get(steps.path("/statements/" + statement.path("id").asText() + "?limit=600&nextToken="
                    + page.path("nextToken").asText())).path("result");
        }
        assertEquals(2500, expected);
        assertError(steps.api().get(steps.path("/statements/" + statement.path("id").asText() + "?nextToken=bm9wZQ"),
                steps.owner.token()), 400, "ValidationError");
    }

    @Test
    void statement_withAnIdempotencyKey_isSentOnce() {
        String body = "{\"sql\":\"SELECT 'once'\",\"waitSeconds\":10}";
        String key = "stmt-key-" + System.nanoTime();
        Response first = steps.api().post(steps.path("/sessions/" + session + "/statements"), steps.owner.token(), body,
                "Idempotency-Key", key);
        Response replay = steps.api().post(steps.path("/sessions/" + session + "/statements"), steps.owner.token(), body,
                "Idempotency-Key", key);

        assertEquals(201, replay.status(), replay.toString());
        assertEquals("true", replay.header("Idempotent-Replayed").orElse(""));
        assertEquals(first.json().path("id"), replay.json().path("id"));
    }

    @Test
    void anotherOrganizationsSessionsStatementsAndQueries_are404() {
        SessionSteps stranger = new SessionSteps(steps.api());
        String statementId = statement("{\"sql\":\"SELECT 1\",\"waitSeconds\":10}").json().path("id").asText();
        String queryId = createQuery("{\"name\":\"mine\",\"sql\":\"SELECT 1\"}");

        for (String path : List.of("/sessions/" + session, "/statements/" + statementId, "/queries/" + queryId)) {
            assertError(steps.api().get(stranger.path(path), stranger.owner.token()), 404, "ResourceNotFound");
        }
        assertError(steps.api().post(stranger.path("/sessions/" + session + "/statements"), stranger.owner.token(),
                "{\"sql\":\"SELECT 1\"}"), 404, "ResourceNotFound");
        assertError(steps.api().post(stranger.path("/sessions/" + session + "/close"), stranger.owner.token(), null), 404,
                "ResourceNotFound");
        assertError(steps.api().post(stranger.path("/statements/" + statementId + "/cancel"), stranger.owner.token(), null),
                404, "ResourceNotFound");
        assertError(steps.api().post(stranger.path("/sessions"), stranger.owner.token(), "{\"clusterId\":\""
                + steps.clusterId + "\"}"), 400, "ValidationError");
    }

    @Test
    void anotherMembersSession_isReadWithSessionsReadButNeverUsed() {
        AccessSteps access = new AccessSteps(steps.api());
        Joined analyst = access.join(steps.owner, steps.org, "analyst");
        Joined viewer = access.join(steps.owner, steps.org, "viewer");
        String statementId = statement("{\"sql\":\"SELECT 1\",\"waitSeconds\":10}").json().path("id").asText();

        assertEquals(200, steps.api().get(steps.path("/sessions/" + session), viewer.token()).status());
        assertEquals(200, steps.api().get(steps.path("/statements/" + statementId), viewer.token()).status());
        assertError(steps.api().post(steps.path("/sessions/" + session + "/statements"), analyst.token(),
                "{\"sql\":\"SELECT 1\"}"), 403, "AccessDenied");
        assertError(steps.api().post(steps.path("/sessions/" + session + "/tokens"), analyst.token(), null), 403,
                "AccessDenied");
        assertError(steps.api().post(steps.path("/sessions/" + session + "/close"), analyst.token(), null), 403,
                "AccessDenied");
        assertEquals(0, steps.api().get(steps.path("/sessions"), analyst.token()).json().path("items").size(),
                "an analyst lists its own sessions");
        assertTrue(steps.api().get(steps.path("/sessions?memberId=" + access.memberId(steps.owner, steps.org)), viewer.token())
                .json().path("items").size() >= 1, "with sessions:read, another member's");
    }

    @Test
    void token_isAnEs256JwtForTheSessionVerifiedByThePublishedKeys() throws Exception {
        Response issued = steps.api().post(steps.path("/sessions/" + session + "/tokens"), steps.owner.token(),
                "{\"expiresInMinutes\":90}");
        assertEquals(201, issued.status(), issued.toString());
        JsonNode jwks = steps.api().get("/v1/.well-known/jwks.json", null).json();

        SignedJWT jwt = SignedJWT.parse(issued.json().path("token").asText());
        ECKey key = (ECKey) JWKSet.parse(jwks.toString()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "signed by the published key");
        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
        assertEquals(session, jwt.getJWTClaimsSet().getStringClaim("sid"));
        assertEquals(List.of("lakesail-sail"), jwt.getJWTClaimsSet().getAudience());
        assertEquals(backend.endpoint().toString(), jwt.getJWTClaimsSet().getIssuer());
        assertEquals(new AccessSteps(steps.api()).memberId(steps.owner, steps.org), jwt.getJWTClaimsSet().getSubject());
        Duration life = Duration.between(CLOCK.instant(), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
        assertTrue(life.compareTo(Duration.ofMinutes(89)) > 0 && life.compareTo(Duration.ofMinutes(91)) < 0, life.toString());
        assertEquals(FakeSessionRuntime.ENDPOINT + "/;token=" + issued.json().path("token").asText(),
                issued.json().path("connectionString").asText());
        assertFalse(key.isPrivate(), "the JWKS document holds public keys only");
        assertEquals(List.of("expiresInMinutes"), steps.api().post(steps.path("/sessions/" + session + "/tokens"),
                steps.owner.token(), "{\"expiresInMinutes\":721}").fields());
    }

    @Test
    void clusterDeletion_closesItsSessions() {
        SessionSteps own = new SessionSteps(steps.api());
        String doomed = own.openActive(15);

        Response deleted = own.api().delete(own.path("/clusters/" + own.clusterId), own.owner.token());

        assertEquals(202, deleted.status(), deleted.toString());
        JsonNode closed = own.await(own.path("/sessions/" + doomed), s -> s.path("status").asText().equals("closed"),
                Duration.ofSeconds(30));
        assertEquals("its cluster " + own.clusterId + " is being deleted", closed.path("statusReason").asText());
        assertTrue(ENGINE.stopped(doomed), "its engine was stopped");
        assertError(own.statement(doomed, "SELECT 1"), 409, "Conflict");
    }

    @Test
    void closedSession_refusesStatements409_andItsHeldStatementsEndCancelled() {
        String closing = steps.openActive(15);
        String held = steps.statement(closing, HttpApi.JSON.createObjectNode().put("sql", "HOLD").put("waitSeconds", 0))
                .json().path("id").asText();

        assertEquals(202, steps.api().post(steps.path("/sessions/" + closing + "/close"), steps.owner.token(), null).status());

        steps.await(steps.path("/sessions/" + closing), s -> s.path("status").asText().equals("closed"), Duration.ofSeconds(30));
        JsonNode statement = steps.get(steps.path("/statements/" + held));
        assertEquals("cancelled", statement.path("status").asText());
        assertTrue(statement.path("statusReason").asText().startsWith("the session closed: closed on request by"));
        assertError(steps.statement(closing, "SELECT 1"), 409, "Conflict");
        assertError(steps.api().post(steps.path("/sessions/" + closing + "/close"), steps.owner.token(), null), 409, "Conflict");
        assertEquals(409, ENGINE.post(closing, FakeSessionRuntime.JSON.createObjectNode().put("type", "heartbeat")),
                "its server is told the session has ended");
    }

    @Test
    void engineFailure_endsTheSessionFailedWithTheReason() {
        String failing = steps.openActive(15);

        ENGINE.post(failing, FakeSessionRuntime.JSON.createObjectNode().put("type", "session_failed")
                .put("message", "java.lang.OutOfMemoryError: Java heap space"));

        JsonNode failed = steps.await(steps.path("/sessions/" + failing), s -> s.path("status").asText().equals("failed"),
                Duration.ofSeconds(30));
        assertEquals("the session's engine failed: java.lang.OutOfMemoryError: Java heap space",
                failed.path("statusReason").asText());
        assertTrue(ENGINE.stopped(failing));
    }

    @Test
    void idleTimeout_closesTheSessionAfterItWithoutUse_butNotWhileAStatementRuns() throws Exception {
        SessionSteps own = new SessionSteps(steps.api());
        String idle = own.openActive(1);
        String held = own.statement(idle, HttpApi.JSON.createObjectNode().put("sql", "HOLD").put("waitSeconds", 0)).json()
                .path("id").asText();
        own.await(own.path("/statements/" + held), s -> s.path("status").asText().equals("running"), Duration.ofSeconds(10));

        CLOCK.advance(Duration.ofSeconds(90));
        backend.workflows().clockChanged();
        Thread.sleep(1_000);
        assertEquals("active", own.session(idle).path("status").asText(), "a statement in flight is use");

        ENGINE.finish(idle, held);
        own.await(own.path("/sessions/" + idle), s -> s.path("status").asText().equals("idle"), Duration.ofSeconds(10));
        CLOCK.advance(Duration.ofSeconds(90));
        backend.workflows().clockChanged();

        JsonNode closed = own.await(own.path("/sessions/" + idle), s -> s.path("status").asText().equals("closed"),
                Duration.ofSeconds(30));
        assertEquals("it was idle for 1 minute", closed.path("statusReason").asText());
        assertTrue(ENGINE.stopped(idle));
    }

    private static Response statement(String body) {
        return steps.api().post(steps.path("/sessions/" + session + "/statements"), steps.owner.token(), body);
    }

    private static String createQuery(String body) {
        Response created = steps.api().post(steps.path("/queries"), steps.owner.token(), body);
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asText();
    }
}
