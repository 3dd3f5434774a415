package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.SessionEnding;
import com.lakesail.backend.domain.session.SessionStatus;
import com.lakesail.backend.port.Write;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Decides that a session ends, from outside its workflow: a close request, a report that its engine
 * failed, its cluster being deleted, the local backend finding its engine gone after a restart. The
 * decision is recorded on the session (the first one stands), then the workflow's waiting state is
 * failed, so it stops the engine and makes the session terminal at once.
 */
public final class SessionClosings {
    private final SessionRecords records;
    private final SessionWorkflows workflows;
    private final StatementWaits waits;
    private final Clock clock;

    @Inject
    public SessionClosings(SessionRecords records, SessionWorkflows workflows, StatementWaits waits, Clock clock) {
        this.records = records;
        this.workflows = workflows;
        this.waits = waits;
        this.clock = clock;
    }

    /**
     * Records {@code ending} (unless another was decided first) and interrupts the workflow.
     *
     * @param extra writes that commit with the decision (an audit entry)
     * @return the session as it is now
     */
    public Session decide(String orgId, String sessionId, SessionEnding ending, List<Write> extra) {
        Session written = records.updateSession(orgId, sessionId,
                s -> s.terminal() || s.ending() != null ? null : s.endingAs(ending, clock.instant()), extra);
        workflows.interrupt(written);
        return written;
    }

    /** Closes every session of the cluster that has not ended: the cluster is going away. */
    public void closeAllOn(String orgId, String clusterId) {
        for (String sessionId : records.liveSessionsOn(orgId, clusterId)) {
            decide(orgId, sessionId, SessionEnding.closed("its cluster " + clusterId + " is being deleted", clock.instant()),
                    List.of());
        }
    }

    /** The session's engine is gone (its processes died with a backend): it fails with {@code reason}. */
    public Optional<Session> lost(String orgId, String sessionId, String reason) {
        if (records.findSession(orgId, sessionId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(decide(orgId, sessionId, SessionEnding.failed(reason, clock.instant()), List.of()));
    }

    /**
     * Makes the session terminal, as its recorded ending says ({@code fallback} when none was), once
     * its engine is stopped: the statements it still had in flight end {@code cancelled} with the
     * reason, and whoever waits for them is woken. A session already terminal is left as it is.
     *
     * @return the session as it is now
     */
    public Session finish(String orgId, String sessionId, SessionEnding fallback) {
        Session read = records.session(orgId, sessionId);
        if (read.terminal()) {
            return read;
        }
        Session ended = records.updateSession(orgId, sessionId, s -> s.terminal() ? null : s.end(fallback, clock.instant()));
        String reason = "the session " + (ended.status() == SessionStatus.CLOSED ? "closed" : "failed") + ": "
                + ended.statusReason();
        for (String statementId : read.inFlight()) {
            records.changeStatement(orgId, statementId, st -> st.terminal() ? null : st.cancelled(reason, clock.instant()),
                    List.of(), clock.instant());
            waits.signal(statementId);
        }
        return ended;
    }
}
