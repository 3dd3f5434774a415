package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.jobs.Compute;
import com.lakesail.sdk.jobs.Row;
import com.lakesail.sdk.sessions.ResultRows;
import com.lakesail.sdk.sessions.Session;
import com.lakesail.sdk.sessions.SessionHandle;
import com.lakesail.sdk.sessions.SessionStatus;
import com.lakesail.sdk.sessions.SessionToken;
import com.lakesail.sdk.sessions.Statement;
import com.lakesail.sdk.sessions.StatementFailedException;
import com.lakesail.sdk.sessions.StatementHandle;
import com.lakesail.sdk.sessions.StatementRequest;
import com.lakesail.sdk.sessions.StatementStatus;
import com.lakesail.sdk.testing.FakeClock;
import com.lakesail.sdk.testing.RecordingSleeper;
import com.lakesail.sdk.testing.StubServer;
import com.lakesail.sdk.waiter.ResourceFailedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sessions()} over HTTP against a stub answering as the server's views write: the requests it
 * sends (paths, bodies, held reads), the models it reads back, pages followed, failures and cancels.
 */
class SessionServicesTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test").organization("org_1")
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    /** A session as the server's view writes it. */
    private static String session(String status) {
        return """
                {"id": "ses_1", "clusterId": "clu_1", "catalogIds": ["cat_1"], "idleTimeoutMinutes": 15,
                 "compute": {"driver": {"cpu": 2, "memoryGiB": 4}, "worker": {"cpu": 2, "memoryGiB": 4}, "maxWorkers": 2},
                 "ownerMemberId": "mem_1", "createdBy": "usr_1", "status": "%s", "statusReason": %s, "stage": "%s",
                 "progress": %d, "closeRequested": false, "endpoint": %s, "statementsInFlight": 0, "statements": 4,
                 "lastActivityAt": "2030-01-01T00:01:00Z", "openedAt": null, "endedAt": null,
                 "createdAt": "2030-01-01T00:00:00Z", "updatedAt": "2030-01-01T00:01:00Z", "version": 3}"""
                .formatted(status, status.equals("failed") ? "\"the engine did not start: out of memory\"" : "null",
                        status, status.equals("pending") ? 10 : 100,
                        status.equals("pending") ? "null" : "\"sc://10.0.1.5:15002\"");
    }

    /** A statement as the server's view writes it; {@code result} is the JSON of its result or null. */
    private static String statement(String status, String error, String result) {
        return """
                {"id": "stm_1", "sessionId": "ses_1", "sql": "SELECT region, total FROM t", "queryId": null,
                 "queryVersion": null, "parameters": {"day": "2030-01-01"}, "status": "%s", "statusReason": null,
                 "error": %s, "cancelRequested": false, "result": %s, "createdBy": "usr_1",
                 "createdAt": "2030-01-01T00:00:00Z", "startedAt": "2030-01-01T00:00:00Z", "endedAt": null,
                 "updatedAt": "2030-01-01T00:00:01Z", "version": 2}""".formatted(status, error, result);
    }

    private static String result(long firstRow, String rows, String nextToken) {
        return """
                {"columns": [{"name": "region", "type": "string"}, {"name": "total", "type": "decimal(10,2)"}],
                 "rowCount": 3, "truncated": false, "firstRow": %d, "rows": %s, "nextToken": %s}"""
                .formatted(firstRow, rows, nextToken == null ? "null" : "\"" + nextToken + "\"");
    }

    private List<String> methodsAndPaths() {
        return server.requests().stream().map(r -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()))
                .collect(Collectors.toList());
    }

    @Test
    void open_whenGivenClusterCatalogsTimeoutAndCompute_postsThemAndReadsTheSessionBack() {
        server.reply(201, session("pending"));

        SessionHandle handle = lakesail.sessions().open(r -> r.clusterId("clu_1").catalogIds("cat_1", "cat_2")
                .idleTimeoutMinutes(30).compute(new Compute(new Compute.Size(4, 16), null, 1)));

        assertEquals("POST /v1/orgs/org_1/sessions", methodsAndPaths().get(0));
        assertEquals("{\"clusterId\":\"clu_1\",\"catalogIds\":[\"cat_1\",\"cat_2\"],\"idleTimeoutMinutes\":30,"
                + "\"compute\":{\"driver\":{\"cpu\":4,\"memoryGiB\":16},\"maxWorkers\":1}}", server.request(0).body());
        assertNotNull(server.request(0).header("Idempotency-Key"));
        Session s = handle.session();
        assertEquals("ses_1", handle.id());
        assertEquals(SessionStatus.PENDING, s.status());
        assertEquals(List.of("cat_1"), s.catalogIds());
        assertEquals(4, s.statements());
        assertEquals(4, s.compute().driver().memoryGiB());
        assertNull(s.endpoint());
    }

    @Test
    void waitUntilReady_whenPendingThenIdle_reportsEveryReadToTheConfiguredWaiterAndReturnsTheOpenSession() {
        server.reply(201, session("pending"));
        server.reply(200, session("pending"));
        server.reply(200, session("pending"));
        server.reply(200, session("idle"));
        List<SessionStatus> seen = new ArrayList<>();
        List<String> progress = new ArrayList<>();

        Session open = lakesail.sessions().open(r -> r.clusterId("clu_1"))
                .waitUntilReady(w -> w.timeout(Duration.ofMinutes(5)).clock(clock).sleeper(sleeper)
                        .onProgress(s -> seen.add(s.status()))
                        .progressListener((status, stage, percent) -> progress.add(status + " " + stage + " " + percent)))
                .session();

        assertEquals(List.of(SessionStatus.PENDING, SessionStatus.PENDING, SessionStatus.IDLE), seen);
        assertEquals(List.of("pending pending 10", "pending pending 10", "idle idle 100"), progress);
        assertEquals(SessionStatus.IDLE, open.status());
        assertEquals("sc://10.0.1.5:15002", open.endpoint());
        assertEquals("GET /v1/orgs/org_1/sessions/ses_1", methodsAndPaths().get(3));
    }

    @Test
    void waitUntilReady_whenTheSessionFails_throwsWithItsReason() {
        server.reply(200, session("pending"));
        server.reply(200, session("failed"));

        ResourceFailedException e = assertThrows(ResourceFailedException.class,
                () -> lakesail.sessions().handle("ses_1").waitUntilReady(w -> w.timeout(Duration.ofMinutes(1))
                        .clock(clock).sleeper(sleeper)));

        assertEquals("the engine did not start: out of memory", e.statusReason());
    }

    @Test
    void listGetAndClose_whenCalled_useTheSessionRoutes() {
        server.reply(200, "{\"items\": [" + session("active") + "], \"nextToken\": null}");
        server.reply(200, session("active"));
        server.reply(202, session("active").replace("\"closeRequested\": false", "\"closeRequested\": true"));

        List<Session> mine = lakesail.sessions().list("mem_1").stream().toList();
        lakesail.sessions().get("ses_1");
        Session closing = lakesail.sessions().close("ses_1");

        assertEquals(List.of("GET /v1/orgs/org_1/sessions?memberId=mem_1", "GET /v1/orgs/org_1/sessions/ses_1",
                "POST /v1/orgs/org_1/sessions/ses_1/close"), methodsAndPaths());
        assertEquals(1, mine.size());
        assertTrue(closing.closeRequested());
        assertNull(server.request(2).header("Idempotency-Key"), "a close is no create");
    }

    @Test
    void token_whenGivenALifetime_asksForItInMinutesAndKeepsTheTokenOutOfToString() {
        server.reply(201, """
                {"id": "stk_1", "sessionId": "ses_1", "expiresAt": "2030-01-01T02:00:00Z", "token": "eyJhbGciOi.x.y",
                 "connectionString": "sc://10.0.1.5:15002/;token=eyJhbGciOi.x.y"}""");
        server.reply(201, """
                {"id": "stk_2", "sessionId": "ses_1", "expiresAt": "2030-01-01T01:00:00Z", "token": "eyJ.a.b",
                 "connectionString": "sc://10.0.1.5:15002/;token=eyJ.a.b"}""");

        SessionToken token = lakesail.sessions().token("ses_1", Duration.ofHours(2));
        lakesail.sessions().token("ses_1", null);

        assertEquals("POST /v1/orgs/org_1/sessions/ses_1/tokens", methodsAndPaths().get(0));
        assertEquals("{\"expiresInMinutes\":120}", server.request(0).body());
        assertEquals("", server.request(1).body(), "the default lifetime is asked for without a body");
        assertEquals("sc://10.0.1.5:15002/;token=eyJhbGciOi.x.y", token.connectionString());
        assertEquals(Instant.parse("2030-01-01T02:00:00Z"), token.expiresAt());
        assertFalse(token.toString().contains("eyJ"), token.toString());
    }

    @Test
    void sql_whenTheAnswerHoldsTheResult_readsTypedRowsAndFollowsTheNextPages() {
        server.reply(201, statement("succeeded", "null", result(0, "[[\"eu\", \"12.50\"], [\"us\", null]]", "p2")));
        server.reply(200, statement("succeeded", "null", result(2, "[[\"apac\", \"0.10\"]]", null)));

        ResultRows result = lakesail.sessions().submit("ses_1", StatementRequest.sql("SELECT region, total FROM t WHERE day = :day")
                .parameter("day", "2030-01-01"), 20).result(Duration.ofMinutes(1));
        List<Row> rows = result.stream().toList();

        assertEquals("{\"sql\":\"SELECT region, total FROM t WHERE day = :day\",\"parameters\":{\"day\":\"2030-01-01\"},"
                + "\"waitSeconds\":20}", server.request(0).body());
        assertEquals(List.of("POST /v1/orgs/org_1/sessions/ses_1/statements", "GET /v1/orgs/org_1/statements/stm_1?nextToken=p2"),
                methodsAndPaths());
        assertNotNull(server.request(0).header("Idempotency-Key"));
        assertEquals(List.of("eu", "us", "apac"), rows.stream().map(r -> r.getString("region")).toList());
        assertEquals(new BigDecimal("12.50"), rows.get(0).getDecimal("total"));
        assertNull(rows.get(1).getDecimal("total"));
        assertEquals(3, result.rowCount());
        assertEquals("decimal(10,2)", result.columns().get(1).type());
        assertEquals(2, server.requests().size(), "a statement that ended is not read again");
    }

    @Test
    void sql_whenIteratedTwice_startsAgainFromTheFirstRowWithoutRereadingTheFirstPage() {
        server.reply(201, statement("succeeded", "null", result(0, "[[\"eu\", \"1\"]]", "p2")));
        server.reply(200, statement("succeeded", "null", result(1, "[[\"us\", \"2\"]]", null)));
        server.reply(200, statement("succeeded", "null", result(1, "[[\"us\", \"2\"]]", null)));

        ResultRows result = lakesail.sessions().submit("ses_1", StatementRequest.sql("SELECT 1"), 20).result(Duration.ofMinutes(1));

        assertEquals(2, result.stream().count());
        assertEquals(2, result.stream().count());
        assertEquals(3, server.requests().size());
    }

    @Test
    void result_whenStillRunning_holdsReadsOnTheServiceUntilItEnds() {
        server.reply(201, statement("pending", "null", "null"));
        server.reply(200, statement("running", "null", "null"));
        server.reply(200, statement("succeeded", "null", result(0, "[]", null)));

        ResultRows result = lakesail.sessions().submit("ses_1", StatementRequest.query("qry_1"), 0)
                .result(Duration.ofMinutes(1));

        assertEquals("{\"queryId\":\"qry_1\",\"waitSeconds\":0}", server.request(0).body());
        assertEquals("waitSeconds=20", server.request(1).query());
        assertEquals("waitSeconds=20", server.request(2).query());
        assertEquals(0, result.stream().count());
    }

    @Test
    void result_whenTheEngineFails_throwsItsErrorClassAndMessage() {
        server.reply(201, statement("failed", "{\"errorClass\": \"TABLE_OR_VIEW_NOT_FOUND\", \"message\": "
                + "\"The table or view `nope` cannot be found.\"}", "null"));

        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> lakesail.sessions().submit("ses_1", StatementRequest.sql("SELECT * FROM nope"), 20)
                        .result(Duration.ofMinutes(1)));

        assertEquals(StatementStatus.FAILED, e.statement().status());
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", e.errorClass());
        assertEquals("The table or view `nope` cannot be found.", e.statement().error().message());
        assertEquals("statement stm_1 failed: TABLE_OR_VIEW_NOT_FOUND: The table or view `nope` cannot be found.",
                e.getMessage());
    }

    @Test
    void heldReads_whenAskedToWait_holdNoLongerThanAskedTwentySecondsOrTheRequestTimeoutAllows() {
        for (int i = 0; i < 3; i++) {
            server.reply(200, statement("running", "null", "null"));
        }
        server.reply(201, statement("running", "null", "null"));
        try (LakeSail shortTimeout = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test")
                .organization("org_1").retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofSeconds(8)).build()) {

            lakesail.sessions().statement("stm_1", null, null, 1);
            lakesail.sessions().statement("stm_1", null, null, 20);
            shortTimeout.sessions().statement("stm_1", null, null, 20);
            shortTimeout.sessions().submit("ses_1", StatementRequest.sql("SELECT 1"), 20);
        }

        assertEquals(List.of("waitSeconds=1", "waitSeconds=20", "waitSeconds=3"),
                server.requests().subList(0, 3).stream().map(StubServer.RecordedRequest::query).toList());
        assertEquals("{\"sql\":\"SELECT 1\",\"waitSeconds\":3}", server.request(3).body());
    }

    @Test
    void cancel_whenCalled_postsTheCancelAndTheWaitEndsCancelled() throws Exception {
        server.reply(201, statement("running", "null", "null"));
        server.reply(202, statement("running", "null", "null").replace("\"cancelRequested\": false", "\"cancelRequested\": true"));
        server.reply(200, statement("cancelled", "null", "null"));

        StatementHandle handle = lakesail.sessions().submit("ses_1", StatementRequest.sql("SELECT long()"), 0);
        Statement cancelling = handle.cancel().statement();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> handle.resultAsync(Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS));

        assertTrue(cancelling.cancelRequested());
        assertEquals("POST /v1/orgs/org_1/statements/stm_1/cancel", methodsAndPaths().get(1));
        StatementFailedException failed = assertInstanceOf(StatementFailedException.class, e.getCause());
        assertEquals(StatementStatus.CANCELLED, failed.statement().status());
        assertNull(failed.errorClass());
    }

    @Test
    void resultAsync_whenTheStatementSucceeds_completesWithItsRows() throws Exception {
        server.reply(201, statement("running", "null", "null"));
        server.reply(200, statement("succeeded", "null", result(0, "[[\"eu\", \"1.00\"]]", null)));

        ResultRows result = lakesail.sessions().submit("ses_1", StatementRequest.sql("SELECT 1"), 0)
                .resultAsync(Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS);

        assertEquals("eu", result.stream().toList().get(0).getString("region"));
    }

    @Test
    void submit_whenTheSessionIsClosed_throwsConflict() {
        server.replyError(409, "conflict", "session ses_1 is closed");

        assertThrows(ConflictException.class, () -> lakesail.sessions().submit("ses_1", StatementRequest.sql("SELECT 1"), 20));
    }
}
