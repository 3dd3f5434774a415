package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.Callback;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session server's side of the statement protocol over HTTP, the test playing the server with the
 * session's callback credential: {@code POST /v1/callbacks/sessions/{id}/next} gives each statement once,
 * in the session's order, and each cancel once; it waits for work and wakes when a statement is sent;
 * it refuses a stranger, a malformed pull, and a session that has ended.
 */
class LocalBackendSessionPullTest {
    private static final FakeSessionRuntime ENGINE = new FakeSessionRuntime();
    private static LocalBackend backend;
    private static SessionSteps steps;

    @BeforeAll
    static void start() {
        ENGINE.serving(false);
        backend = LocalBackend.builder().port(0).inMemory().sessionRuntime(ENGINE)
                .sandboxTimings(SandboxTimings.instant()).start();
        steps = new SessionSteps(backend);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void pull_givesEachStatementOnceInOrder_andEachCancelOnce() {
        String session = openPlayingTheServer();
        String first = send(session, "SELECT 1");
        String second = send(session, "SELECT :n", "{\"n\":7}");

        JsonNode work = pull(session, List.of(), List.of(), 0).json();
        assertEquals(List.of(first, second), ids(work.path("statements")));
        JsonNode taken = work.path("statements").get(1);
        assertEquals("SELECT :n", taken.path("sql").asText());
        assertEquals(7, taken.path("parameters").path("n").asInt());
        assertTrue(taken.path("maxResultBytes").asLong() > 0 && taken.path("chunkBytes").asInt() > 0, taken.toString());
        assertEquals(false, taken.path("cancelRequested").asBoolean(true));
        JsonNode held = pull(session, List.of(first, second), List.of(), 0).json();
        assertEquals(List.of(), ids(held.path("statements")), "what the server holds is not given again");
        assertEquals(List.of(first, second), texts(held.path("inFlight")));

        assertEquals(202, steps.api().post(steps.path("/statements/" + first + "/cancel"), steps.owner.token(), null).status());
        assertEquals(List.of(first), texts(pull(session, List.of(first, second), List.of(), 0).json().path("cancels")));
        assertEquals(List.of(), texts(pull(session, List.of(first, second), List.of(first), 0).json().path("cancels")));

        String third = send(session, "SELECT 3");
        assertEquals(202, steps.api().post(steps.path("/statements/" + third + "/cancel"), steps.owner.token(), null).status());
        JsonNode late = pull(session, List.of(first, second), List.of(first), 0).json();
        assertEquals(List.of(third), ids(late.path("statements")));
        assertTrue(late.path("statements").get(0).path("cancelRequested").asBoolean(), "cancelled before it was taken");

        report(session, "statement_cancelled", first);
        report(session, "statement_cancelled", third);
        ObjectNode end = event("statement_succeeded", second).put("rowCount", 0).put("chunks", 0).put("bytes", 0);
        end.putArray("columns");
        assertEquals(204, ENGINE.post(session, end));
        assertEquals("{\"statements\":[],\"cancels\":[],\"inFlight\":[]}", pull(session, List.of(), List.of(), 0).body(),
                "ended statements are no one's work, and the server may forget them");
    }

    @Test
    void pull_whenNothingIsThere_waitsAndWakesWhenAStatementIsSent() throws Exception {
        String session = openPlayingTheServer();
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> pull(session, List.of(), List.of(), 20));
        Thread.sleep(500);
        assertTrue(!waiting.isDone(), "a pull with nothing to give waits");

        String sent = send(session, "SELECT 1");

        Response woken = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(200, woken.status(), woken.toString());
        assertEquals(List.of(sent), ids(woken.json().path("statements")));
    }

    @Test
    void pull_whenTheSessionHasEnded_is409_andAStrangerIs401() throws Exception {
        String session = openPlayingTheServer();
        String other = openPlayingTheServer();
        Callback mine = ENGINE.spec(session).callback();
        Callback theirs = ENGINE.spec(other).callback();
        assertError(steps.api().post(mine.url().getPath() + "/next", theirs.token(), "{\"waitSeconds\":0}"), 401,
                "Unauthenticated");
        assertError(steps.api().post(mine.url().getPath() + "/next", null, "{\"waitSeconds\":0}"), 401, "Unauthenticated");

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> pull(session, List.of(), List.of(), 20));
        assertEquals(202, steps.api().post(steps.path("/sessions/" + session + "/close"), steps.owner.token(), null).status());

        assertError(waiting.get(15, TimeUnit.SECONDS), 409, "Conflict");
        assertError(pull(session, List.of(), List.of(), 0), 409, "Conflict");
    }

    @Test
    void pull_withBadInput_is400NamingTheField() {
        String session = openPlayingTheServer();
        String next = ENGINE.spec(session).callback().url().getPath() + "/next";
        String token = ENGINE.spec(session).callback().token();

        assertEquals(List.of("waitSeconds"), steps.api().post(next, token, "{\"waitSeconds\":21}").fields());
        assertEquals(List.of("taken"), steps.api().post(next, token, "{\"taken\":\"stm_1\"}").fields());
        assertEquals(List.of("cancelled[0]"), steps.api().post(next, token, "{\"cancelled\":[1]}").fields());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 129; i++) {
            many.add("\"stm_" + i + "\"");
        }
        assertEquals(List.of("taken"), steps.api().post(next, token, "{\"taken\":" + many + "}").fields());
        assertEquals(List.of("taken[1]"), steps.api().post(next, token, "{\"taken\":[\"stm_1\",\"\"]}").fields());
    }

    @Test
    void serverToken_whenTheSessionIsAlreadyOpen_meansItsEngineRestarted_andEndsItFailed() {
        String session = openPlayingTheServer();
        String held = send(session, "SELECT 1");
        Callback callback = ENGINE.spec(session).callback();

        // A server takes its gate token once, as it starts: asking again means a new process.
        assertError(steps.api().post(callback.url().getPath() + "/token", callback.token(), "{}"), 409, "Conflict");

        JsonNode failed = steps.await(steps.path("/sessions/" + session), s -> s.path("status").asText().equals("failed"),
                Duration.ofSeconds(30));
        assertEquals("the session's engine restarted: its temporary views, settings and running statements were lost",
                failed.path("statusReason").asText());
        JsonNode statement = steps.await(steps.path("/statements/" + held),
                s -> s.path("status").asText().matches("failed|cancelled"), Duration.ofSeconds(30));
        assertTrue(statement.path("statusReason").asText().contains("restarted"), statement.toString());
    }

    /** Opens a session and reports it ready as its server would; its id. */
    private static String openPlayingTheServer() {
        String session = steps.open(15);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ENGINE.started(session)) {
            assertTrue(System.nanoTime() < deadline, "the session's engine was never started");
            Thread.onSpinWait();
        }
        assertEquals(204, ENGINE.post(session, event("session_ready", null).put("endpoint", "sc://localhost:15002")));
        steps.await(steps.path("/sessions/" + session), s -> s.path("status").asText().equals("active"), Duration.ofSeconds(30));
        return session;
    }

    private static String send(String session, String sql, String... parameters) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("sql", sql).put("waitSeconds", 0);
        if (parameters.length > 0) {
            try {
                body.set("parameters", HttpApi.JSON.readTree(parameters[0]));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        Response sent = steps.statement(session, body);
        assertEquals(201, sent.status(), sent.toString());
        return sent.json().path("id").asText();
    }

    private static Response pull(String session, List<String> taken, List<String> cancelled, int waitSeconds) {
        Callback callback = ENGINE.spec(session).callback();
        ObjectNode body = HttpApi.JSON.createObjectNode().put("waitSeconds", waitSeconds);
        taken.forEach(body.putArray("taken")::add);
        cancelled.forEach(body.putArray("cancelled")::add);
        return steps.api().post(callback.url().getPath() + "/next", callback.token(), body.toString());
    }

    private static void report(String session, String type, String statementId) {
        assertEquals(204, ENGINE.post(session, event(type, statementId)));
    }

    private static ObjectNode event(String type, String statementId) {
        ObjectNode event = HttpApi.JSON.createObjectNode().put("type", type);
        return statementId == null ? event : event.put("statementId", statementId);
    }

    private static List<String> ids(JsonNode statements) {
        List<String> ids = new ArrayList<>();
        statements.forEach(s -> ids.add(s.path("statementId").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
