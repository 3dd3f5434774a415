package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.session.ResultChunk;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.Statement;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.event.EventOutbox;
import com.lakesail.backend.store.SessionItems;
import com.lakesail.backend.store.SessionKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.inject.Inject;

/**
 * Reads and conditional writes of sessions, statements and result chunks (keys in {@link SessionKeys}).
 * A session is written by its statements (in flight, ended), its callbacks and its workflow at
 * once: every write is on the version read, and a lost race is read again and re-applied. A write
 * that changes the session's state records its event ({@link SessionEvents}) in the same transaction
 * and publishes it once that committed.
 */
public final class SessionRecords {
    /** Re-reads of a session after a lost race before giving up with a 409. */
    static final int ATTEMPTS = 8;

    private final Store store;
    private final EventOutbox events;

    @Inject
    public SessionRecords(Store store, EventOutbox events) {
        this.store = store;
        this.events = events;
    }

    public Store store() {
        return store;
    }

    public Optional<Session> findSession(String orgId, String sessionId) {
        return store.get(SessionKeys.session(orgId, sessionId)).map(SessionItems::session);
    }

    public Session session(String orgId, String sessionId) {
        return findSession(orgId, sessionId).orElseThrow(() -> new NotFoundException("session " + sessionId + " not found"));
    }

    /** A member's sessions, newest first. */
    public Page<Session> sessionsOf(String orgId, String memberId, PageRequest page) {
        return store.query(Query.partition(Query.Index.GSI1, SessionKeys.sessionsOfMember(orgId, memberId), "",
                page.limit(), page.nextToken()).descending(true)).map(SessionItems::session);
    }

    /** The ids of the cluster's sessions that have not ended (the index is sparse: terminal sessions leave it). */
    public List<String> liveSessionsOn(String orgId, String clusterId) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            Page<Item> page = store.query(Query.partition(Query.Index.GSI2, SessionKeys.liveSessionsOfCluster(orgId, clusterId),
                    "", Query.MAX_LIMIT, token));
            page.items().forEach(item -> ids.add(SessionItems.session(item).id()));
            token = page.nextToken();
        } while (token != null);
        return ids;
    }

    public Optional<Statement> findStatement(String orgId, String statementId) {
        return store.get(SessionKeys.statement(orgId, statementId)).map(SessionItems::statement);
    }

    public Statement statement(String orgId, String statementId) {
        return findStatement(orgId, statementId)
                .orElseThrow(() -> new NotFoundException("statement " + statementId + " not found"));
    }

    /** The write of a statement as it is now, kept a while after the longest session could have ended. */
    public static Write put(Statement statement, Condition condition) {
        return Write.put(SessionItems.statement(statement, expiry(statement)), condition);
    }

    static long expiry(Statement statement) {
        return statement.createdAt().plus(SessionLimits.STATEMENT_RETENTION).getEpochSecond();
    }

    public Optional<ResultChunk> chunk(String orgId, String statementId, int sequence, Instant now) {
        return store.get(SessionKeys.resultChunk(orgId, statementId, sequence))
                .filter(item -> !item.expiredAt(now.getEpochSecond()))
                .map(SessionItems::resultChunk);
    }

    /**
     * Applies {@code change} to the session as stored, on its version; after a lost race the session is
     * read again and {@code change} applied to that. {@code change} returns null to write nothing.
     *
     * @param extra writes that commit with the change (an audit entry)
     * @return the session as written, or as read when nothing was written
     */
    public Session updateSession(String orgId, String sessionId, UnaryOperator<Session> change, List<Write> extra) {
        for (int attempt = 1; ; attempt++) {
            Session current = session(orgId, sessionId);
            Session next = change.apply(current);
            if (next == null) {
                return current;
            }
            Event event = stateChange(current, next);
            try {
                if (extra.isEmpty() && event == null) {
                    store.put(SessionItems.session(next), Condition.versionIs(current.version()));
                } else {
                    List<Write> writes = new ArrayList<>(extra);
                    writes.add(0, Write.put(SessionItems.session(next), Condition.versionIs(current.version())));
                    if (event != null) {
                        writes.add(record(event));
                    }
                    store.transact(writes);
                    published(event);
                }
                return next;
            } catch (ConditionFailedException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("session " + sessionId + " changed concurrently; try again");
                }
            }
        }
    }

    public Session updateSession(String orgId, String sessionId, UnaryOperator<Session> change) {
        return updateSession(orgId, sessionId, change, List.of());
    }

    /**
     * The event of a session's move from {@code before} (null: it is new) to {@code after}, or null when its
     * state did not change; {@link #record} it with the write that makes the change, and {@link #published}
     * once that committed.
     */
    public Event stateChange(Session before, Session after) {
        return SessionEvents.stateChange(before, after);
    }

    /** The event's write, to commit in the transaction that makes the change it reports. */
    public Write record(Event event) {
        return events.record(event);
    }

    /** Publishes a committed state change (null: none); never throws, so the session goes on whatever the bus does. */
    public void published(Event event) {
        if (event != null) {
            events.publishCommitted(List.of(event));
        }
    }

    /**
     * Publishes the session's events still queued: those a host without a bus (the API) recorded since its
     * workflow's last task. Never throws.
     */
    public void publishQueued(String orgId, String sessionId) {
        events.publishQueued(orgId, sessionId);
    }

    /** A statement as changed, with the session as changed beside it in the same transaction. */
    public record Change(Statement statement, Session session) {
    }

    /**
     * Applies {@code change} to the statement and, when it makes it terminal, takes it out of its
     * session's in-flight statements in the same transaction; re-reads both after a lost race.
     * {@code change} returns null to write nothing (a statement already ended, say).
     *
     * @param extra writes that commit with it (the result's last chunk)
     * @return the statement and session as written, or as read when nothing was written
     */
    public Change changeStatement(String orgId, String statementId, UnaryOperator<Statement> change, List<Write> extra,
                                  Instant at) {
        for (int attempt = 1; ; attempt++) {
            Statement current = statement(orgId, statementId);
            Statement next = change.apply(current);
            Optional<Session> session = findSession(orgId, current.sessionId());
            if (next == null) {
                return new Change(current, session.orElse(null));
            }
            List<Write> writes = new ArrayList<>();
            writes.add(put(next, Condition.versionIs(current.version())));
            Session sessionNext = session.orElse(null);
            Event event = null;
            if (next.terminal() && session.isPresent() && session.get().inFlight().contains(statementId)) {
                sessionNext = session.get().statementEnded(statementId, at);
                writes.add(Write.put(SessionItems.session(sessionNext), Condition.versionIs(session.get().version())));
                // Its last statement ended: active → idle.
                event = stateChange(session.get(), sessionNext);
                if (event != null) {
                    writes.add(record(event));
                }
            }
            writes.addAll(extra);
            try {
                store.transact(writes);
                published(event);
                return new Change(next, sessionNext);
            } catch (ConditionFailedException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("statement " + statementId + " changed concurrently; try again");
                }
            }
        }
    }
}
