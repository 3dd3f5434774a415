package com.lakesail.sdk.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.exception.SdkClientException;
import com.lakesail.sdk.jobs.ResultPreview;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatementHandleTest {

    @Test
    void waitUntilDone_whenRunning_longPollsAtMostTwentySecondsAtATime() {
        Script sessions = new Script(statement(StatementStatus.RUNNING, null), statement(StatementStatus.SUCCEEDED, page(0, 1, null)));

        Statement done = StatementHandle.of(statement(StatementStatus.PENDING, null), 500, sessions)
                .waitUntilDone(Duration.ofMinutes(5));

        assertEquals(StatementStatus.SUCCEEDED, done.status());
        assertEquals(List.of(20, 20), sessions.waits);
        assertEquals(List.of(500, 500), sessions.pageSizes);
    }

    @Test
    void waitUntilDone_whenTheTimeoutIsShort_asksForNoLongerThanItAndThenGivesUp() {
        Script sessions = new Script(statement(StatementStatus.RUNNING, null));

        SdkClientException late = assertThrows(SdkClientException.class,
                () -> StatementHandle.of(statement(StatementStatus.RUNNING, null), null, sessions)
                        .waitUntilDone(Duration.ofMillis(1)));

        assertTrue(late.getMessage().contains("still running"), late.getMessage());
        assertEquals(1, sessions.waits.size(), "one read, then it gives up");
        assertTrue(sessions.waits.get(0) <= 1, "waiting at most the second the timeout rounds up to: " + sessions.waits);
    }

    @Test
    void result_whenPaged_readsEachPageOnceIterationReachesIt() {
        Script sessions = new Script(statement(StatementStatus.SUCCEEDED, page(2, 2, "t2")),
                statement(StatementStatus.SUCCEEDED, page(4, 1, null)));

        ResultRows rows = StatementHandle.of(statement(StatementStatus.SUCCEEDED, page(0, 2, "t1")), null, sessions)
                .result(Duration.ofSeconds(1));

        assertEquals(List.of(), sessions.tokens, "nothing read before iterating");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), rows.stream().map(r -> r.getLong("id")).toList());
        assertEquals(List.of("t1", "t2"), sessions.tokens);
    }

    @Test
    void resultAsync_whenTheStatementFailed_completesExceptionallyWithTheEnginesError() {
        Statement failed = new Statement("stm_1", "ses_1", "SELECT x", null, null, Map.of(), StatementStatus.FAILED, null,
                new Statement.Error("UNRESOLVED_COLUMN", "x?"), false, null, null, Instant.EPOCH, null, null, Instant.EPOCH, 1);

        CompletableFuture<ResultRows> rows = StatementHandle.of(failed, null, new Script()).resultAsync(Duration.ofSeconds(1));

        ExecutionException e = assertThrows(ExecutionException.class, () -> rows.get(5, TimeUnit.SECONDS));
        assertEquals("UNRESOLVED_COLUMN", ((StatementFailedException) e.getCause()).errorClass());
    }

    private static Statement statement(StatementStatus status, Statement.Result result) {
        return new Statement("stm_1", "ses_1", "SELECT id FROM t", null, null, Map.of(), status, null, null, false, result,
                null, Instant.EPOCH, null, null, Instant.EPOCH, 1);
    }

    private static Statement.Result page(long first, int rows, String nextToken) {
        List<List<Object>> cells = new ArrayList<>();
        for (long i = first; i < first + rows; i++) {
            cells.add(List.of(i));
        }
        return new Statement.Result(List.of(new ResultPreview.Column("id", "bigint")), 5, false, first, cells, nextToken);
    }

    /** Answers statement reads from a script, recording what each asked for. */
    private static final class Script implements SessionService {
        private final Deque<Statement> answers;
        final List<Integer> waits = new ArrayList<>();
        final List<Integer> pageSizes = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();

        Script(Statement... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Statement statement(String statementId, String nextToken, Integer pageSize, int waitSeconds) {
            waits.add(waitSeconds);
            pageSizes.add(pageSize);
            if (nextToken != null) {
                tokens.add(nextToken);
            }
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }

        @Override
        public SessionHandle open(OpenSessionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Session get(String sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Paginated<Session> list(String memberId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Session close(String sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SessionToken token(String sessionId, Duration lifetime) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StatementHandle submit(String sessionId, StatementRequest request, int waitSeconds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Statement cancel(String statementId) {
            throw new UnsupportedOperationException();
        }
    }
}
