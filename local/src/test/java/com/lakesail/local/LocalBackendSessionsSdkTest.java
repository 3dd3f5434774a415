package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.exception.ValidationException;
import com.lakesail.sdk.jobs.ParameterType;
import com.lakesail.sdk.jobs.Row;
import com.lakesail.sdk.sessions.ResultRows;
import com.lakesail.sdk.sessions.SavedQuery;
import com.lakesail.sdk.sessions.Session;
import com.lakesail.sdk.sessions.SessionHandle;
import com.lakesail.sdk.sessions.SessionStatus;
import com.lakesail.sdk.sessions.SessionToken;
import com.lakesail.sdk.sessions.Statement;
import com.lakesail.sdk.sessions.StatementFailedException;
import com.lakesail.sdk.sessions.StatementHandle;
import com.lakesail.sdk.sessions.StatementRequest;
import com.lakesail.sdk.sessions.StatementStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's queries and sessions against the local backend, the engine played by
 * {@link FakeSessionRuntime} (its SQL conventions: {@code ROWS n}, {@code FAIL msg}, {@code HOLD}).
 */
class LocalBackendSessionsSdkTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final FakeSessionRuntime ENGINE = new FakeSessionRuntime();
    private static LocalBackend backend;
    private static SessionSteps steps;
    private static LakeSail lakesail;
    private static SessionHandle session;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().sessionRuntime(ENGINE)
                .sandboxTimings(SandboxTimings.instant()).start();
        steps = new SessionSteps(backend);
        lakesail = LakeSail.builder().endpoint(backend.endpoint()).token(steps.owner.token())
                .organization(steps.org).build();
        session = lakesail.sessions().open(r -> r.clusterId(steps.clusterId).catalogIds(steps.catalogId)
                .idleTimeoutMinutes(30)).waitUntilReady(WAIT);
    }

    @AfterAll
    static void stop() {
        lakesail.close();
        backend.close();
    }

    @Test
    void open_whenReady_showsTheSessionWithItsEndpoint() {
        Session s = session.session();

        assertTrue(s.status().isReady(), s.toString());
        assertEquals(FakeSessionRuntime.ENDPOINT, s.endpoint());
        assertEquals(30, s.idleTimeoutMinutes());
        assertEquals(List.of(steps.catalogId), s.catalogIds());
        assertTrue(lakesail.sessions().list().stream().anyMatch(listed -> listed.id().equals(session.id())));
    }

    @Test
    void sql_whenItSucceeds_givesTypedRows() {
        ResultRows rows = session.sql("SELECT 1 AS n");

        assertEquals("n", rows.columns().get(0).name());
        assertEquals(1, rows.rowCount());
        assertEquals(List.of(1), rows.stream().map(r -> r.getInt("n")).toList());
    }

    @Test
    void sql_whenTheResultSpansPages_readsThemLazilyInOrder() {
        ResultRows rows = session.sql(StatementRequest.sql("ROWS 25000").pageSize(7000));

        assertEquals(25_000, rows.rowCount());
        long expected = 0;
        for (Row row : rows) {
            assertEquals(expected++, row.getLong("id"));
        }
        assertEquals(25_000, expected);
        assertEquals(25_000, rows.stream().count(), "iterable again, from the first page");
    }

    @Test
    void sql_whenTheStatementFails_throwsTheEnginesErrorClassAndMessage() {
        StatementFailedException failed = assertThrows(StatementFailedException.class,
                () -> session.sql("FAIL no such table: sales"));

        assertEquals("TEST_FAILURE", failed.errorClass());
        assertEquals("no such table: sales", failed.statement().error().message());
        assertTrue(failed.getMessage().contains("TEST_FAILURE: no such table: sales"), failed.getMessage());
    }

    @Test
    void submit_whenCancelled_completesItsFuturesAsCancelled() throws Exception {
        StatementHandle held = session.submit(StatementRequest.sql("HOLD until cancelled"));
        CompletableFuture<Statement> done = held.waitUntilDoneAsync(WAIT);
        CompletableFuture<ResultRows> rows = held.resultAsync(WAIT);
        Thread.sleep(300);
        assertFalse(done.isDone(), "still running");

        held.cancel();

        assertEquals(StatementStatus.CANCELLED, done.get(30, TimeUnit.SECONDS).status());
        ExecutionException failed = assertThrows(ExecutionException.class, () -> rows.get(30, TimeUnit.SECONDS));
        assertInstanceOf(StatementFailedException.class, failed.getCause());
    }

    @Test
    void queries_whenSavedUpdatedRunAndDeleted_behaveAsTheirRestRoutes() {
        SavedQuery saved = lakesail.queries().create(r -> r.name("first-rows").sql("SELECT 1 AS n WHERE :n > 0")
                .parameter("n", ParameterType.BIGINT, 1));
        assertEquals(saved, lakesail.queries().get(saved.id()));
        assertTrue(lakesail.queries().list().stream().anyMatch(q -> q.id().equals(saved.id())));

        SavedQuery updated = lakesail.queries().update(saved.id(), saved.version(), r -> r.description("one row"));
        assertEquals("one row", updated.description());
        assertEquals(saved.sql(), updated.sql(), "fields not sent are kept");
        assertThrows(ConflictException.class,
                () -> lakesail.queries().update(saved.id(), saved.version(), r -> r.description("stale")));

        ResultRows rows = session.sql(StatementRequest.query(saved.id()).parameter("n", 5));
        assertEquals(saved.id(), rows.statement().queryId());
        assertEquals(5, ((Number) rows.statement().parameters().get("n")).intValue());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> session.sql(StatementRequest.query(saved.id()).parameter("m", 5)));
        assertTrue(unknown.getMessage().contains("parameters"), unknown.getMessage());

        lakesail.queries().delete(saved.id());
        assertThrows(ResourceNotFoundException.class, () -> lakesail.queries().get(saved.id()));
    }

    @Test
    void token_givesTheConnectionStringAndKeepsTheTokenOutOfToString() {
        SessionToken token = session.token(Duration.ofMinutes(30));

        assertEquals(FakeSessionRuntime.ENDPOINT + "/;token=" + token.token(), token.connectionString());
        assertEquals(session.id(), token.sessionId());
        assertFalse(token.toString().contains(token.token()));
        assertThrows(ValidationException.class, () -> session.token(Duration.ofHours(13)));
    }

    @Test
    void close_inTryWithResources_endsTheSessionAndLaterStatementsConflict() {
        SessionHandle closing;
        try (SessionHandle opened = lakesail.sessions().open(r -> r.clusterId(steps.clusterId)).waitUntilReady(WAIT)) {
            closing = opened;
            assertEquals(List.of(1), opened.sql("SELECT 1").stream().map(r -> r.getInt("n")).toList());
        }

        Session ended = closing.waitUntilEnded(WAIT);
        assertEquals(SessionStatus.CLOSED, ended.status());
        assertTrue(ENGINE.stopped(closing.id()));
        closing.close();
        assertThrows(ConflictException.class, () -> closing.sql("SELECT 1"));
    }
}
