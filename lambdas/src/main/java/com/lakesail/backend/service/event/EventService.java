package com.lakesail.backend.service.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.Caller;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.service.TokenSecrets;
import com.lakesail.backend.service.job.JobRecords;
import com.lakesail.backend.service.session.SessionService;
import com.lakesail.backend.service.trigger.EventPatterns;
import com.lakesail.backend.service.trigger.TriggerService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * {@code .../events}: the recent state-change events of a resource (a run, a job: its runs', a session), and
 * custom events an organization puts for its own triggers. A custom event goes to the organization's
 * event triggers at once (the matching jobs' runs are in the answer); another organization's jobs
 * never see it, and another organization's resources answer 404.
 */
public final class EventService {
    public static final int MAX_DETAIL_BYTES = 32_768;
    public static final int MAX_DETAIL_TYPE = 128;
    private static final Pattern EVENT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventOutbox outbox;
    private final JobRecords jobs;
    private final SessionService sessions;
    private final TriggerService triggers;
    private final Store store;
    private final Ids ids;
    private final Clock clock;
    private final Authorizer authorizer;
    private final AuditLog audit;

    @Inject
    public EventService(EventOutbox outbox, JobRecords jobs, SessionService sessions, TriggerService triggers, Store store,
                        Ids ids, Clock clock, Authorizer authorizer, AuditLog audit) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.sessions = sessions;
        this.triggers = triggers;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.authorizer = authorizer;
        this.audit = audit;
    }

    /**
     * A custom event as put: {@code id} makes it idempotent (the same id twice starts one run per job);
     * without one, the request's {@code Idempotency-Key} does, and else every put is a new event.
     */
    public record CustomEvent(String id, String source, String detailType, JsonNode detail) {
    }

    /** The event as it was put on the bus, and the runs it started (or had started, when put before). */
    public record PutResult(String id, String source, String detailType, Instant time, List<JobRun> runs) {
        public PutResult {
            runs = List.copyOf(runs);
        }
    }

    /**
     * Recent events of {@code resourceId}, newest first: a run's own, a job's runs', a session's own. A
     * session's events tell no more than the session does, so another member's need {@code sessions:read} too.
     */
    public Page<Event> list(Principal principal, String orgId, String resourceId, PageRequest page) {
        Validator v = new Validator();
        v.require(resourceId != null && !resourceId.isBlank(), "resource", "is required: a job run, job or session id");
        v.throwIfInvalid();
        Caller caller = authorizer.require(principal, orgId, Permission.EVENTS_READ, resourceId);
        if (resourceId.startsWith(Session.ID_PREFIX + "_")) {
            sessions.readable(caller, resourceId);
            return outbox.list(orgId, resourceId, false, page);
        }
        boolean job = resourceId.startsWith(Job.ID_PREFIX + "_");
        boolean known = job ? jobs.findJob(orgId, resourceId).isPresent()
                : resourceId.startsWith(JobRun.ID_PREFIX + "_") && jobs.findRun(orgId, resourceId).isPresent();
        if (!known) {
            throw new NotFoundException("no job, job run or session " + resourceId + " in this organization");
        }
        return outbox.list(orgId, resourceId, job, page);
    }

    /** Puts a custom event for the organization's event triggers; returns the runs it started. */
    public PutResult put(Principal principal, String orgId, Supplier<CustomEvent> supplied, String idempotencyKey,
                         Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.EVENTS_PUT, null);
        CustomEvent e = supplied.get();
        Validator v = new Validator();
        v.require(e.id() == null || EVENT_ID.matcher(e.id()).matches(), "id",
                "must be 1 to 128 letters, digits or . _ : - (beginning with a letter or digit)");
        String sourceProblem = EventPatterns.sourceProblem(e.source());
        v.require(sourceProblem == null, "source", sourceProblem);
        v.require(e.detailType() != null && !e.detailType().isBlank() && e.detailType().length() <= MAX_DETAIL_TYPE,
                "detailType", "is required: 1 to " + MAX_DETAIL_TYPE + " characters");
        v.require(e.detail() == null || e.detail().isObject(), "detail", "must be an object");
        v.require(e.detail() == null || e.detail().toString().length() <= MAX_DETAIL_BYTES, "detail",
                "must be at most " + MAX_DETAIL_BYTES + " characters of JSON");
        v.throwIfInvalid();
        String id = e.id() != null ? e.id() : idempotencyKey != null
                ? Event.ID_PREFIX + "_" + TokenSecrets.hash(orgId + "/" + idempotencyKey).substring(0, 26)
                : ids.next(Event.ID_PREFIX);
        Instant now = clock.instant();
        // The envelope EventBridge gives an event, so a pattern written for the bus matches it here alike.
        ObjectNode envelope = JSON.createObjectNode().put("version", "0").put("id", id).put("detail-type", e.detailType())
                .put("source", e.source()).put("time", now.toString());
        envelope.putArray("resources");
        envelope.set("detail", e.detail() == null ? JSON.createObjectNode() : e.detail());
        List<JobRun> runs = triggers.onCustomEvent(orgId, envelope);
        PutResult result = new PutResult(id, e.source(), e.detailType(), now, runs);
        List<Write> writes = new ArrayList<>();
        writes.add(audit.success(caller, Permission.EVENTS_PUT.wire(), id));
        writes.addAll(idempotency.record(result));
        store.transact(writes);
        return result;
    }
}
