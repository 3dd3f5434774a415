package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.AccessMode;
import com.lakesail.backend.domain.infra.AccessPolicy;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogConfigs;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.session.Placement;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.SessionEnding;
import com.lakesail.backend.domain.session.SessionStatus;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.Callback;
import com.lakesail.backend.port.CatalogSpec;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.SessionSpec;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.service.job.CallbackCredentials;
import com.lakesail.backend.service.job.CallbackEndpoint;
import com.lakesail.backend.service.session.SessionCallbacks;
import com.lakesail.backend.service.session.SessionClosings;
import com.lakesail.backend.service.session.SessionGates;
import com.lakesail.backend.service.session.SessionLimits;
import com.lakesail.backend.service.session.SessionRecords;
import com.lakesail.backend.service.session.SessionTargets;
import com.lakesail.backend.service.session.SessionWorkflows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * The tasks of {@code Session} ({@code statemachines/session.asl.json}):
 *
 * <pre>
 * session.start       the cluster and catalogs are usable; places the engine, starts its Sail and session server
 * session.awaitReady  stores the task token the server's session_ready completes (pending → active there)
 * session.awaitEnd    stores the task token whose heartbeats are the session's use: it times out after the
 *                     idle timeout without use, and is failed at once when the session's end is decided
 * session.checkIdle   after that timeout: idle (no statement in flight, no use since) → close; else wait again
 * session.stop        every path: stops the engine (Sail and session server)
 * session.finish      the terminal status, from the recorded ending or the error that stopped the workflow;
 *                     the statements still in flight end cancelled
 * </pre>
 */
public final class SessionTasks {
    private static final String ID = "sessionId";

    private final Steps steps;
    private final SessionRecords records;
    private final SessionRuntime runtime;
    private final Workflows workflows;
    private final SessionClosings closings;
    private final CallbackCredentials credentials;
    private final CallbackEndpoint endpoint;
    private final SessionGates gates;
    private final SessionLimits limits;

    @Inject
    public SessionTasks(Steps steps, SessionRecords records, SessionRuntime runtime, Workflows workflows,
                        SessionClosings closings, CallbackCredentials credentials, CallbackEndpoint endpoint,
                        SessionGates gates, SessionLimits limits) {
        this.steps = steps;
        this.records = records;
        this.runtime = runtime;
        this.workflows = workflows;
        this.closings = closings;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.gates = gates;
        this.limits = limits;
    }

    Map<String, Task> tasks() {
        return Map.of("session.start", publishing(this::start), "session.awaitReady", publishing(this::awaitReady),
                "session.awaitEnd", publishing(this::awaitEnd), "session.checkIdle", publishing(this::checkIdle),
                "session.stop", publishing(this::stop), "session.finish", publishing(this::finish));
    }

    /**
     * {@code task}, then the session's events still queued published, however it ended: the API has no
     * bus, and its creating or closing a session comes before one of the session workflow's tasks ends (a
     * move between active and idle, which no task follows, waits for a reconciler pass).
     */
    private Task publishing(Task task) {
        return in -> {
            String sessionId = in.id(ID);
            try {
                return task.run(in);
            } finally {
                records.publishQueued(in.orgId(), sessionId);
            }
        };
    }

    private JsonNode start(TaskInput in) {
        Session session = going(in);
        Cluster cluster = steps.records().findCluster(in.orgId(), session.clusterId()).orElse(null);
        if (cluster == null || cluster.status() != ClusterStatus.ACTIVE && cluster.status() != ClusterStatus.UPDATING) {
            throw fail(in, "cluster " + session.clusterId() + " is " + (cluster == null ? "gone" : Wire.name(cluster.status()))
                    + ": sessions need an active cluster");
        }
        List<CatalogSpec> catalogs = new ArrayList<>();
        for (String catalogId : session.catalogIds()) {
            Catalog c = steps.records().findCatalog(in.orgId(), catalogId).orElse(null);
            if (c == null || c.status() != CatalogStatus.ACTIVE) {
                throw fail(in, "catalog " + catalogId + " is " + (c == null ? "gone" : Wire.name(c.status()))
                        + ": sessions need active catalogs");
            }
            Map<String, String> config = new LinkedHashMap<>(CatalogConfigs.fields(c.config()));
            if (c.warehouse() != null) {
                config.put("warehouse", c.warehouse());
            }
            catalogs.add(new CatalogSpec(c.name(), c.kind(), config));
        }
        Network network = steps.records().network(in.orgId(), cluster.networkId());
        AccountAccess access = steps.access(in.orgId(), network.cloudAccountId());
        Placement placement = new Placement(InfraStacks.stackName(cluster.id()), network.region(), access.awsAccountId(),
                access.roleArn(), access.externalId());
        Session placed = records.updateSession(in.orgId(), session.id(), s -> s.placed(placement, steps.now()));
        Instant expiresAt = steps.now().plus(SessionCallbacks.credentialLife());
        Callback callback = new Callback(endpoint.forSession(session.id()),
                credentials.issue(in.orgId(), session.id(), CallbackCredentials.Purpose.SESSION, expiresAt));
        try {
            runtime.start(new SessionSpec(SessionTargets.workload(placed), catalogs, placed.compute(),
                    gates.gate(session.id()), callback, limits.heartbeatSeconds(), exposure(cluster)));
        } catch (ComputeRuntimeException e) {
            if (e.retryable()) {
                throw e;
            }
            throw fail(in, "the session's engine could not be started: " + e.getMessage());
        }
        return Steps.ok();
    }

    /** The gate is exposed as the cluster's API is (DESIGN §10): inside the VPC, or also to its allowed CIDRs. */
    static SessionSpec.Exposure exposure(Cluster cluster) {
        AccessPolicy policy = cluster.accessPolicy();
        return policy != null && policy.mode() == AccessMode.PUBLIC && !policy.allowedCidrs().isEmpty()
                ? new SessionSpec.Exposure(true, policy.allowedCidrs()) : SessionSpec.Exposure.privateOnly();
    }

    /** Stores the wait's token; a session_ready (or an ending) that came first completes it at once. */
    private JsonNode awaitReady(TaskInput in) {
        String token = token(in);
        Session session = store(in, token);
        if (session.ending() != null) {
            signal(() -> workflows.sendTaskFailure(token, SessionWorkflows.ENDING_ERROR, session.ending().reason()));
        } else if (session.status().open()) {
            signal(() -> workflows.sendTaskSuccess(token, endWait(session, session.idleTimeout()).toString()));
        }
        return Steps.ok();
    }

    /** Stores the wait's token; an ending decided before it is heard at once. */
    private JsonNode awaitEnd(TaskInput in) {
        String token = token(in);
        Session session = store(in, token);
        if (session.ending() != null) {
            signal(() -> workflows.sendTaskFailure(token, SessionWorkflows.ENDING_ERROR, session.ending().reason()));
        }
        return Steps.ok();
    }

    /**
     * The idle timeout ran out without a heartbeat. Closes the session if it really is idle (nothing in
     * flight, nothing since its last use for the idle timeout) or at the end of its maximum life; else
     * the wait starts again, armed with the idle time left: a statement longer than the timeout keeps
     * its session open whether or not its heartbeats arrived.
     */
    private JsonNode checkIdle(TaskInput in) {
        Session session = records.session(in.orgId(), in.id(ID));
        Instant now = steps.now();
        SessionEnding ending = session.ending();
        if (ending == null && session.openedAt() != null && !now.isBefore(session.openedAt().plus(Session.MAX_LIFETIME))) {
            ending = SessionEnding.closed("it reached its maximum life of " + Session.MAX_LIFETIME.toDays() + " days", now);
        }
        Duration idleLeft = Duration.between(now, session.lastActivityAt().plus(session.idleTimeout()));
        if (ending == null && session.inFlight().isEmpty() && idleLeft.toSeconds() < 1) {
            ending = SessionEnding.closed("it was idle for " + session.idleTimeoutMinutes() + " minute"
                    + (session.idleTimeoutMinutes() == 1 ? "" : "s"), now);
        }
        if (ending != null) {
            SessionEnding decided = ending;
            records.updateSession(in.orgId(), session.id(), s -> s.terminal() || s.ending() != null ? null
                    : s.endingAs(decided, now));
            return Steps.JSON.createObjectNode().put("idle", true).put("remainingSeconds", 2).put("heartbeatSeconds", 1);
        }
        return endWait(session, session.inFlight().isEmpty() ? idleLeft : session.idleTimeout());
    }

    private JsonNode stop(TaskInput in) {
        Session session = records.session(in.orgId(), in.id(ID));
        if (session.placement() != null && !session.terminal()) {
            runtime.stop(SessionTargets.workload(session));
        }
        return Steps.ok();
    }

    private JsonNode finish(TaskInput in) {
        Session session = records.session(in.orgId(), in.id(ID));
        String error = in.error();
        SessionEnding fallback;
        if ("States.Timeout".equals(error) && session.status() == SessionStatus.PENDING) {
            fallback = SessionEnding.failed("the session did not become active within " + limits.startSeconds() + " s",
                    steps.now());
        } else if ("States.Timeout".equals(error)) {
            fallback = SessionEnding.closed("it reached its maximum life of " + Session.MAX_LIFETIME.toDays() + " days",
                    steps.now());
        } else if (error == null) {
            fallback = SessionEnding.closed("closed", steps.now());
        } else {
            fallback = SessionEnding.failed(Steps.reason(in), steps.now());
        }
        closings.finish(in.orgId(), session.id(), fallback);
        return Steps.ok();
    }

    // ---- helpers

    private ObjectNode endWait(Session session, Duration idleLeft) {
        return SessionWorkflows.endWait(session, steps.now(), idleLeft);
    }

    /** The session, which must still be going: ended means another path finished it; a decided ending stops the stage. */
    private Session going(TaskInput in) {
        Session session = records.session(in.orgId(), in.id(ID));
        if (session.terminal()) {
            throw new ResourceGoneException("session " + session.id() + " has ended: it is " + Wire.name(session.status()));
        }
        if (session.ending() != null) {
            throw new StageFailedException(session.ending().reason());
        }
        return session;
    }

    private Session store(TaskInput in, String token) {
        Session written = records.updateSession(in.orgId(), in.id(ID), s -> s.terminal() ? null : s.waiting(token, steps.now()));
        if (written.terminal()) {
            throw new ResourceGoneException("session " + written.id() + " has ended");
        }
        return written;
    }

    /** Records why the session fails (unless an ending was decided first) and fails the stage with it. */
    private StageFailedException fail(TaskInput in, String reason) {
        records.updateSession(in.orgId(), in.id(ID), s -> s.terminal() || s.ending() != null ? null
                : s.endingAs(SessionEnding.failed(reason, steps.now()), steps.now()));
        return new StageFailedException(reason);
    }

    private static void signal(Runnable call) {
        try {
            call.run();
        } catch (TaskTokenException e) {
            // A callback completed it meanwhile.
        }
    }

    private static String token(TaskInput in) {
        String token = in.payload().path("taskToken").asText(null);
        if (token == null) {
            throw new StageFailedException("task " + in.task() + " needs the task token");
        }
        return token;
    }
}
