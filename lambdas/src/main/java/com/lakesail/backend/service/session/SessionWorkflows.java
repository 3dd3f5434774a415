package com.lakesail.backend.service.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.service.workflow.WorkflowStart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * The {@code Session} state machine ({@code statemachines/session.asl.json}) and the signals a session
 * sends it: the one place where a session's workflow is started, kept alive and interrupted.
 *
 * <pre>
 * input: {"orgId": ..., "sessionId": ..., "generation": 1, "limits": {"startSeconds": 300}}
 * </pre>
 *
 * <p>The workflow waits for the session's end on a task token whose {@code HeartbeatSeconds} is the
 * idle timeout: every use of the session ({@link #heartbeat}) restarts that clock, so it runs out
 * only after the timeout without use; a decided ending ({@link #interrupt}) fails the token, so a
 * close takes effect at once. Neither polls.
 */
public final class SessionWorkflows {
    /** The state machine, as template.yaml names it. */
    public static final String STATE_MACHINE = "Session";
    /** The error a waiting state is failed with when the session's end has been decided. */
    public static final String ENDING_ERROR = "LakeSail.SessionEnding";
    static final String RUN = "run";
    static final String CLEANUP = "cleanup";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Workflows workflows;
    private final WorkflowOutbox outbox;
    private final SessionLimits limits;

    @Inject
    public SessionWorkflows(Store store, Workflows workflows, WorkflowOutbox outbox, SessionLimits limits) {
        this.store = store;
        this.workflows = workflows;
        this.outbox = outbox;
        this.limits = limits;
    }

    /**
     * Commits the writes that create {@code session} with its workflow's outbox entry, then starts the
     * workflow; a death in between is the reconciler's to repair.
     *
     * @throws com.lakesail.backend.port.ConditionFailedException when the transaction lost a race
     */
    public void commitAndStart(List<Write> writes, Session session) {
        ObjectNode input = input(session);
        input.putObject("limits").put("startSeconds", limits.startSeconds());
        WorkflowStart start = new WorkflowStart(session.organizationId(), STATE_MACHINE, executionName(session.id(), RUN),
                input.toString());
        List<Write> all = new ArrayList<>(writes);
        all.add(outbox.entry(start));
        store.transact(all);
        outbox.startCommitted(start);
    }

    /** Starts the execution that only stops the engine and ends a session whose execution died. */
    void startCleanup(Session session) {
        workflows.start(STATE_MACHINE, executionName(session.id(), CLEANUP), input(session).put("mode", CLEANUP).toString());
    }

    /** The session was used: the wait for its end starts counting the idle timeout again. */
    public void heartbeat(Session session) {
        if (session != null && session.waitToken() != null && session.status().open() && !session.closing()) {
            signal(() -> workflows.sendTaskHeartbeat(session.waitToken()));
        }
    }

    /** The session's end is decided: the state waiting on it stops waiting, and the workflow stops its engine. */
    public void interrupt(Session session) {
        if (session.waitToken() != null && session.ending() != null) {
            signal(() -> workflows.sendTaskFailure(session.waitToken(), ENDING_ERROR, session.ending().reason()));
        }
    }

    /** Its engine is ready: the wait for it completes with the limits of the wait for its end. */
    public void opened(Session session, Instant now) {
        if (session.waitToken() != null) {
            signal(() -> workflows.sendTaskSuccess(session.waitToken(), endWait(session, now, session.idleTimeout()).toString()));
        }
    }

    /**
     * What the wait for a session's end is armed with: its remaining life ({@code TimeoutSeconds}) and
     * the idle time left before it closes ({@code HeartbeatSeconds}, at most one second less).
     */
    public static ObjectNode endWait(Session session, Instant now, Duration idleLeft) {
        Instant opened = session.openedAt() == null ? now : session.openedAt();
        long remaining = Math.max(2, Duration.between(now, opened.plus(Session.MAX_LIFETIME)).toSeconds());
        long heartbeat = Math.max(1, Math.min(idleLeft.toSeconds(), remaining - 1));
        return JSON.createObjectNode().put("idle", false).put("remainingSeconds", remaining).put("heartbeatSeconds", heartbeat);
    }

    private static void signal(Runnable call) {
        try {
            call.run();
        } catch (TaskTokenException e) {
            // The state stopped waiting meanwhile (it timed out, or completed itself): nothing waits on it.
        }
    }

    private static ObjectNode input(Session session) {
        return JSON.createObjectNode().put("orgId", session.organizationId()).put("sessionId", session.id())
                .put("generation", 1);
    }

    /** {@code ses_7k2m...-run-1}: a session is started once, so the generation is always 1. */
    public static String executionName(String sessionId, String operation) {
        return sessionId + "-" + operation + "-1";
    }
}
