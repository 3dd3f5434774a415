package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.JobParameter;
import com.lakesail.backend.domain.query.SavedQuery;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.Statement;
import com.lakesail.backend.domain.session.StatementStatus;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.Caller;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.service.query.QueryRecords;
import com.lakesail.backend.store.SessionItems;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * Statements: send one to a session (inline SQL or a saved query, with named parameters), read its
 * status and result pages, cancel it. A send or a read may wait for the statement's end
 * ({@code waitSeconds}), so a quick statement is one round trip.
 *
 * <p>A statement is recorded with its session; the session's server pulls it
 * ({@link SessionCallbacks#next}), runs the session's statements one at a time, in order, and reports
 * each one's start, rows and end through the session's callback. A cancel is recorded the same way and
 * pulled: the server interrupts the statement in the engine.
 */
public final class StatementService {
    public static final int DEFAULT_WAIT_SECONDS = 10;
    /** API Gateway answers within 29 s: a wait stays well inside it. */
    public static final int MAX_WAIT_SECONDS = 20;
    private static final int ATTEMPTS = 5;

    private final SessionRecords records;
    private final QueryRecords queries;
    private final SessionService sessions;
    private final SessionWorkflows workflows;
    private final StatementWaits waits;
    private final ResultPages pages;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;

    @Inject
    public StatementService(SessionRecords records, QueryRecords queries, SessionService sessions, SessionWorkflows workflows,
                            StatementWaits waits, ResultPages pages, Clock clock,
                            Ids ids, Authorizer authorizer, AuditLog audit) {
        this.records = records;
        this.queries = queries;
        this.sessions = sessions;
        this.workflows = workflows;
        this.waits = waits;
        this.pages = pages;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
    }

    /**
     * A statement to send: exactly one of {@code sql} and {@code queryId}.
     *
     * @param parameters  named parameters; for a saved query, only those it declares, of their type
     * @param waitSeconds how long to wait for the statement's end before answering (0 to 20; 10 when null)
     * @param limit       the rows of the first page, when the answer carries it
     */
    public record Submit(String sql, String queryId, Map<String, Object> parameters, Integer waitSeconds, Integer limit) {
    }

    /** A statement and, once it succeeded, a page of its result. */
    public record View(Statement statement, Optional<ResultPages.Page> page) {
    }

    /**
     * Sends a statement to the caller's session and waits up to {@code waitSeconds} for its end.
     *
     * @param supplied read once the caller is admitted on the session, so another tenant's ids answer 404 whatever the body
     */
    public View submit(Principal principal, String orgId, String sessionId, Supplier<Submit> supplied,
                       Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.SESSIONS_EXECUTE);
        Session session = sessions.owned(caller, Permission.SESSIONS_EXECUTE, sessionId);
        Submit request = supplied.get();
        Validator v = new Validator();
        v.range("waitSeconds", request.waitSeconds(), 0, MAX_WAIT_SECONDS);
        v.range("limit", request.limit(), 1, ResultPages.MAX_ROWS);
        v.require(request.sql() == null || request.queryId() == null, "queryId", "give sql or a queryId, not both");
        String sql = request.sql();
        SavedQuery query = null;
        Map<String, Object> parameters = request.parameters() == null ? Map.of() : request.parameters();
        if (request.queryId() != null) {
            query = queries.find(orgId, request.queryId()).orElse(null);
            v.require(query != null, "queryId", "no saved query " + request.queryId() + " in this organization");
            if (query != null && !authorizer.allows(caller, Permission.QUERIES_READ, query.id())) {
                throw authorizer.deny(caller, Permission.QUERIES_READ, query.id(), "missing permission queries:read on "
                        + query.id());
            }
        } else if (request.sql() == null || request.sql().isBlank()) {
            v.require(false, "sql", "is required (one SQL statement), unless a queryId is given");
        } else {
            SavedQuery.sql(v, "sql", request.sql());
            for (String name : new TreeMap<>(parameters).keySet()) {
                v.require(JobParameter.NAME.matcher(name).matches(), "parameters." + name,
                        "must be a name of letters, digits and underscores (at most 64), not starting with a digit");
            }
        }
        v.throwIfInvalid();
        if (query != null) {
            sql = query.sql();
            parameters = query.resolveParameters(parameters);
        }
        session.requireOpen();
        Statement statement = Statement.create(ids.next(Statement.ID_PREFIX), session, sql,
                query == null ? null : query.id(), query == null ? null : query.version(), parameters, principal.userId(),
                clock.instant());
        Session accepted = accept(caller, session, statement, idempotency);
        workflows.heartbeat(accepted);
        // The session's server pulls it: wake its waiting pull in this process (on Lambda its next read finds it).
        waits.signal(SessionCallbacks.pullKey(sessionId));
        int wait = request.waitSeconds() == null ? DEFAULT_WAIT_SECONDS : request.waitSeconds();
        return view(await(orgId, statement.id(), wait), null, request.limit());
    }

    /**
     * The statement, and once it succeeded a page of its result from {@code nextToken}.
     *
     * @param waitSeconds how long to wait for its end first, when it has not ended (0 to 20; 0 when null)
     */
    public View get(Principal principal, String orgId, String statementId, String nextToken, Integer limit,
                    Integer waitSeconds) {
        Caller caller = authorizer.member(principal, orgId);
        Statement statement = readable(caller, statementId);
        Validator v = new Validator();
        v.range("waitSeconds", waitSeconds, 0, MAX_WAIT_SECONDS);
        v.range("limit", limit, 1, ResultPages.MAX_ROWS);
        v.throwIfInvalid();
        if (!statement.terminal() && waitSeconds != null && waitSeconds > 0) {
            statement = await(orgId, statementId, waitSeconds);
        }
        return view(statement, nextToken, limit);
    }

    /**
     * Interrupts the statement in the engine; the session server reports it {@code cancelled} (a
     * statement that ends first keeps its end).
     */
    public View cancel(Principal principal, String orgId, String statementId) {
        Caller caller = authorizer.require(principal, orgId, Permission.SESSIONS_EXECUTE);
        Statement read = records.statement(orgId, statementId);
        Session session = sessions.owned(caller, Permission.SESSIONS_EXECUTE, read.sessionId());
        Statement requested = records.changeStatement(orgId, statementId, s -> s.cancelRequested(clock.instant()),
                List.of(audit.success(caller, Permission.SESSIONS_EXECUTE.wire(), statementId)), clock.instant()).statement();
        if (!requested.terminal()) {
            waits.signal(SessionCallbacks.pullKey(session.id()));
        }
        return new View(requested, Optional.empty());
    }

    /** The statement, if the caller may read it: the session's owner, or a member with {@code sessions:read}. */
    private Statement readable(Caller caller, String statementId) {
        Statement statement = records.statement(caller.organizationId(), statementId);
        if (!statement.ownerMemberId().equals(caller.memberId())
                && !authorizer.allows(caller, Permission.SESSIONS_READ, statement.sessionId())) {
            throw authorizer.deny(caller, Permission.SESSIONS_READ, statementId, "statement " + statementId
                    + " is of another member's session: reading it needs sessions:read");
        }
        return statement;
    }

    /** Puts the statement and adds it to its session's in flight, in one transaction, re-reading the session after a lost race. */
    private Session accept(Caller caller, Session read, Statement statement, Idempotency idempotency) {
        Session current = read;
        for (int attempt = 1; ; attempt++) {
            Session next = current.submitted(statement.id(), statement.createdAt());
            // An idle session turns active.
            Event event = records.stateChange(current, next);
            List<Write> writes = new ArrayList<>();
            writes.add(SessionRecords.put(statement, Condition.notExists()));
            writes.add(Write.put(SessionItems.session(next), Condition.versionIs(current.version())));
            writes.add(audit.success(caller, Permission.SESSIONS_EXECUTE.wire(), statement.id()));
            writes.addAll(idempotency.record(new View(statement, Optional.empty())));
            if (event != null) {
                writes.add(records.record(event));
            }
            try {
                records.store().transact(writes);
                records.published(event);
                return next;
            } catch (ConditionFailedException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("statements of session " + statement.sessionId()
                            + " were sent concurrently; try again");
                }
                current = records.session(statement.organizationId(), statement.sessionId());
            }
        }
    }

    private Statement await(String orgId, String statementId, int seconds) {
        return waits.await(statementId, () -> records.statement(orgId, statementId), Statement::terminal,
                Duration.ofSeconds(seconds));
    }

    private View view(Statement statement, String nextToken, Integer limit) {
        if (statement.status() != StatementStatus.SUCCEEDED) {
            if (nextToken != null) {
                throw ValidationException.of("nextToken", "statement " + statement.id() + " has no result: it is "
                        + Wire.name(statement.status()));
            }
            return new View(statement, Optional.empty());
        }
        return new View(statement, Optional.of(pages.read(statement, nextToken, limit == null ? ResultPages.DEFAULT_ROWS : limit)));
    }
}
