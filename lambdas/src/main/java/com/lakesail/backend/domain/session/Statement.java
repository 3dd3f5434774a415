package com.lakesail.backend.domain.session;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Wire;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One SQL statement sent to a session ({@code POST .../sessions/{id}/statements}): inline SQL or a
 * saved query's, with its parameters bound as Spark named parameters. Its result's rows are stored
 * beside it in chunks ({@link ResultSummary}).
 *
 * @param queryId          the saved query it ran, or null for inline SQL
 * @param queryVersion     that query's version when the statement was sent
 * @param ownerMemberId    the session's owner (copied, so a read is authorized without reading the session)
 * @param error            for a failed statement, the engine's error class and message
 * @param statusReason     for a statement that failed or was cancelled, why, in a sentence
 * @param result           for a succeeded statement, its schema and stored rows
 * @param cancelRequestedAt when a cancel was asked; the session server then interrupts it in the engine
 */
public record Statement(String id, String organizationId, String sessionId, String ownerMemberId, String sql,
                        String queryId, Long queryVersion, Map<String, Object> parameters, StatementStatus status,
                        String statusReason, StatementError error, ResultSummary result, Instant cancelRequestedAt,
                        String createdBy, Instant createdAt, Instant startedAt, Instant endedAt, Instant updatedAt,
                        long version) {
    public static final String ID_PREFIX = "stm";

    public Statement {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public static Statement create(String id, Session session, String sql, String queryId, Long queryVersion,
                                   Map<String, Object> parameters, String userId, Instant at) {
        return new Statement(id, session.organizationId(), session.id(), session.ownerMemberId(), sql, queryId,
                queryVersion, parameters, StatementStatus.PENDING, null, null, null, null, userId, at, null, null, at, 1);
    }

    public boolean terminal() {
        return status.terminal();
    }

    /** The session server started it; a statement that has moved on is left as it is. */
    public Statement started(Instant at) {
        if (status != StatementStatus.PENDING) {
            return this;
        }
        return copy(StatementStatus.RUNNING, statusReason, error, result, cancelRequestedAt, at, endedAt, at);
    }

    public Statement cancelRequested(Instant at) {
        if (terminal()) {
            throw new ConflictException("statement " + id + " has already ended: it " + (status == StatementStatus.SUCCEEDED
                    ? "succeeded" : "is " + Wire.name(status)));
        }
        return copy(status, statusReason, error, result, cancelRequestedAt == null ? at : cancelRequestedAt, startedAt,
                endedAt, at);
    }

    public Statement succeeded(ResultSummary summary, Instant at) {
        StatementStatus.LIFECYCLE.check(status, StatementStatus.SUCCEEDED);
        return copy(StatementStatus.SUCCEEDED, null, null, summary, cancelRequestedAt, startedAt(at), at, at);
    }

    public Statement failed(StatementError why, String reason, Instant at) {
        StatementStatus.LIFECYCLE.check(status, StatementStatus.FAILED);
        return copy(StatementStatus.FAILED, reason, why, null, cancelRequestedAt, startedAt(at), at, at);
    }

    public Statement cancelled(String reason, Instant at) {
        StatementStatus.LIFECYCLE.check(status, StatementStatus.CANCELLED);
        return copy(StatementStatus.CANCELLED, reason, null, null, cancelRequestedAt, startedAt, at, at);
    }

    private Instant startedAt(Instant fallback) {
        return startedAt == null ? fallback : startedAt;
    }

    private Statement copy(StatementStatus to, String reason, StatementError err, ResultSummary res, Instant cancelAt,
                           Instant started, Instant ended, Instant at) {
        return new Statement(id, organizationId, sessionId, ownerMemberId, sql, queryId, queryVersion, parameters, to,
                reason, err, res, cancelAt, createdBy, createdAt, started, ended, at, version + 1);
    }
}
