package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.UnauthenticatedException;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.session.ResultChunk;
import com.lakesail.backend.domain.session.ResultSummary;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.SessionEnding;
import com.lakesail.backend.domain.session.SessionStatus;
import com.lakesail.backend.domain.session.Statement;
import com.lakesail.backend.domain.session.StatementError;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.job.CallbackCredentials;
import com.lakesail.backend.store.JobItems.CallbackCredential;
import com.lakesail.backend.store.SessionItems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.inject.Inject;

/**
 * Reports from a session's server, authenticated by the session's callback credential (never a user
 * token), and the gate token it connects to its Sail with. A report is recorded on the session or
 * statement it names, then handed on: {@code session_ready} completes the workflow's wait for the
 * engine, a statement's end wakes whoever waits for it and counts as use of the session (as do
 * heartbeats while statements run), {@code session_failed} ends the session.
 *
 * <p>Answers: 204 accepted; 401 a bad, expired or other session's credential; 409 the session has
 * ended (the server stops at once); 400 a malformed report.
 */
public final class SessionCallbacks {
    private final CallbackCredentials credentials;
    private final SessionRecords records;
    private final SessionWorkflows workflows;
    private final SessionClosings closings;
    private final SessionTokens tokens;
    private final StatementWaits waits;
    private final SessionLimits limits;
    private final Clock clock;

    @Inject
    public SessionCallbacks(CallbackCredentials credentials, SessionRecords records, SessionWorkflows workflows,
                            SessionClosings closings, SessionTokens tokens, StatementWaits waits, SessionLimits limits,
                            Clock clock) {
        this.credentials = credentials;
        this.records = records;
        this.workflows = workflows;
        this.closings = closings;
        this.tokens = tokens;
        this.waits = waits;
        this.limits = limits;
        this.clock = clock;
    }

    /** The session server's own gate token: its session's, in its owner's name, for as long as a session may live. */
    public SessionTokens.Issued serverToken(String sessionId, String authorization) {
        Session session = going(verify(authorization, sessionId), sessionId);
        return tokens.issue(session, session.ownerMemberId(), Session.MAX_LIFETIME);
    }

    /**
     * @param parsed read only once the credential is accepted and the session still going, so a
     *               stranger learns nothing from how a body is refused
     */
    public void accept(String sessionId, String authorization, Supplier<SessionEvent> parsed) {
        String orgId = verify(authorization, sessionId);
        Session session = going(orgId, sessionId);
        SessionEvent event = parsed.get();
        Instant now = clock.instant();
        switch (event.type()) {
            case SESSION_READY -> {
                Session opened = records.updateSession(orgId, sessionId, s -> s.status() == SessionStatus.PENDING
                        && s.ending() == null ? s.opened(event.endpoint(), now) : null);
                if (opened.status() == SessionStatus.ACTIVE && opened.endpoint() != null) {
                    workflows.opened(opened, now);
                }
            }
            case SESSION_FAILED -> closings.decide(orgId, sessionId,
                    SessionEnding.failed("the session's engine failed: " + event.message(), now), List.of());
            case HEARTBEAT -> workflows.heartbeat(session);
            case STATEMENT_STARTED -> change(orgId, sessionId, event, s -> s.started(now), List.of());
            case RESULT_CHUNK -> {
                requireStatementOf(orgId, sessionId, event.statementId(), true);
                records.store().put(SessionItems.resultChunk(orgId, event.statementId(),
                        new ResultChunk(event.sequence(), event.firstRow(), event.rows()), expiry(now)), Condition.none());
            }
            case STATEMENT_SUCCEEDED -> {
                ResultSummary summary = new ResultSummary(event.columns(), event.rowCount(), event.chunks(), event.bytes(),
                        event.truncated());
                // The rows of a result that fits one chunk ride along, written with the statement's end.
                List<Write> inline = event.rows() == null ? List.of() : List.of(Write.put(SessionItems.resultChunk(orgId,
                        event.statementId(), new ResultChunk(1, 0, event.rows()), expiry(now)), Condition.none()));
                ended(orgId, sessionId, event, s -> s.succeeded(summary, now), inline);
            }
            case STATEMENT_FAILED -> ended(orgId, sessionId, event, s -> s.failed(new StatementError(event.errorClass(),
                    event.message()), "the engine refused it: " + event.message(), now), List.of());
            case STATEMENT_CANCELLED -> ended(orgId, sessionId, event, s -> s.cancelled(s.cancelRequestedAt() == null
                    ? "cancelled in the engine" : "cancelled on request", now), List.of());
        }
    }

    /** A statement's end: recorded (its session idle once none is left), its waiters woken, the session's idle clock restarted. */
    private void ended(String orgId, String sessionId, SessionEvent event, UnaryOperator<Statement> end, List<Write> extra) {
        SessionRecords.Change change = change(orgId, sessionId, event, end, extra);
        waits.signal(event.statementId());
        workflows.heartbeat(change.session());
    }

    private SessionRecords.Change change(String orgId, String sessionId, SessionEvent event, UnaryOperator<Statement> apply,
                                         List<Write> extra) {
        requireStatementOf(orgId, sessionId, event.statementId(), false);
        return records.changeStatement(orgId, event.statementId(), s -> s.terminal() ? null : apply.apply(s), extra,
                clock.instant());
    }

    private void requireStatementOf(String orgId, String sessionId, String statementId, boolean going) {
        Statement statement = records.findStatement(orgId, statementId).filter(s -> s.sessionId().equals(sessionId))
                .orElseThrow(() -> ValidationException.of("statementId", "is not a statement of session " + sessionId));
        if (going && statement.terminal()) {
            throw new ConflictException("statement " + statementId + " has ended: it is " + Wire.name(statement.status()));
        }
    }

    private long expiry(Instant now) {
        return now.plus(limits.resultRetention()).getEpochSecond();
    }

    /** @return the organization the credential names */
    private String verify(String authorization, String sessionId) {
        CallbackCredential credential = credentials.verify(authorization, sessionId);
        if (!CallbackCredentials.Purpose.SESSION.wire().equals(credential.purpose())) {
            throw new UnauthenticatedException("the callback credential is invalid, expired or for another session");
        }
        return credential.organizationId();
    }

    private Session going(String orgId, String sessionId) {
        Session session = records.findSession(orgId, sessionId).orElseThrow(
                () -> new UnauthenticatedException("the callback credential is invalid, expired or for another session"));
        if (session.terminal()) {
            throw new ConflictException("session " + sessionId + " has ended: it is " + Wire.name(session.status()));
        }
        return session;
    }

    /** How long a session server's credential lives: as long as a session may, and a day to report its end. */
    public static Duration credentialLife() {
        return Session.MAX_LIFETIME.plusDays(1);
    }
}
