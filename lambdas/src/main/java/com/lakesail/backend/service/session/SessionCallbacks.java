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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.inject.Inject;

/**
 * A session's server and the control plane, authenticated by the session's callback credential (never
 * a user token): the gate token it connects to its Sail with, the statements it pulls
 * ({@link #next}), and its reports. A report is recorded on the session or statement it names, then
 * handed on: {@code session_ready} completes the workflow's wait for the engine, a statement's end
 * wakes whoever waits for it and counts as use of the session (as do heartbeats while statements run),
 * {@code session_failed} ends the session.
 *
 * <p>The server pulls rather than being called, so nothing in the customer's VPC takes inbound traffic
 * from the control plane: the same protocol locally and on EKS.
 *
 * <p>Answers: 2xx accepted; 401 a bad, expired or other session's credential; 409 the session has
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
        String orgId = verify(authorization, sessionId);
        Session session = going(orgId, sessionId);
        if (session.status().open()) {
            // A server asks once, as it starts: one asking now is a new process (on EKS its pod restarted).
            // The session's Spark session (its temporary views, its settings) died with the old one, and
            // the statements it held may have half run: the session cannot go on as if nothing happened.
            closings.decide(orgId, sessionId, SessionEnding.failed("the session's engine restarted: its temporary views,"
                    + " settings and running statements were lost", clock.instant()), List.of());
            throw new ConflictException("session " + sessionId + " has ended: its engine restarted");
        }
        return tokens.issue(session, session.ownerMemberId(), Session.MAX_LIFETIME);
    }

    /**
     * What the server holds: the statements it has taken and those it has been told to cancel, of
     * those the last answer said were still in flight.
     *
     * @param waitSeconds how long to wait for work before answering none (0 to {@link #MAX_PULL_WAIT_SECONDS})
     */
    public record Holding(Set<String> taken, Set<String> cancelled, int waitSeconds) {
        public Holding {
            taken = Set.copyOf(taken);
            cancelled = Set.copyOf(cancelled);
        }
    }

    /**
     * The server's next work, in the session's order: statements it has not taken yet (each with
     * whether a cancel was already asked) and the ids of taken ones whose cancel it has not been told;
     * and every statement the session still has in flight, so the server forgets only what has ended.
     */
    public record Work(List<Statement> statements, List<String> cancels, List<String> inFlight) {
        public boolean isEmpty() {
            return statements.isEmpty() && cancels.isEmpty();
        }
    }

    /** A pull is one request: it answers well inside API Gateway's 29 s. */
    public static final int MAX_PULL_WAIT_SECONDS = 20;

    /**
     * The statements and cancels the session's server has not had yet, waiting up to
     * {@code waitSeconds} for some (locally a send or a cancel wakes the wait at once; on Lambda it
     * re-reads every {@link SessionLimits#waitPoll()}).
     *
     * @param parsed read only once the credential is accepted and the session still going
     * @throws ConflictException once the session has ended, while waiting too: the server stops
     */
    public Work next(String sessionId, String authorization, Supplier<Holding> parsed) {
        String orgId = verify(authorization, sessionId);
        going(orgId, sessionId);
        Holding holding = parsed.get();
        Optional<Work> work = waits.await(pullKey(sessionId), () -> work(orgId, sessionId, holding),
                w -> w.isEmpty() || !w.get().isEmpty(), Duration.ofSeconds(holding.waitSeconds()));
        return work.orElseThrow(() -> new ConflictException("session " + sessionId + " has ended"));
    }

    /** What wakes a server's pull: a statement sent to the session, or a cancel asked. */
    static String pullKey(String sessionId) {
        return "pull:" + sessionId;
    }

    /** Empty once the session has ended. */
    private Optional<Work> work(String orgId, String sessionId, Holding holding) {
        Session session = records.findSession(orgId, sessionId).orElse(null);
        if (session == null || session.terminal()) {
            return Optional.empty();
        }
        List<Statement> statements = new ArrayList<>();
        List<String> cancels = new ArrayList<>();
        for (String id : session.inFlight()) {
            Statement s = records.findStatement(orgId, id).orElse(null);
            if (s == null) {
                // Not readable yet: the ones after it wait, so the server takes them in the session's order.
                break;
            }
            if (s.terminal()) {
                continue;
            }
            if (!holding.taken().contains(id)) {
                statements.add(s);
            } else if (s.cancelRequestedAt() != null && !holding.cancelled().contains(id)) {
                cancels.add(id);
            }
        }
        return Optional.of(new Work(statements, cancels, session.inFlight()));
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
                        && s.ending() == null ? s.opened(event.endpoint(), event.certificate(), now) : null);
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
