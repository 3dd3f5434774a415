package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.JobStatus;
import com.lakesail.backend.domain.job.JobVersion;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.domain.job.RunTrigger;
import com.lakesail.backend.domain.job.Termination;
import com.lakesail.backend.domain.job.TerminationCode;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.Caller;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.service.TokenSecrets;
import com.lakesail.backend.service.event.EventOutbox;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.store.JobKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * Job runs: start one (pinning the live version), read and list them, cancel (in every state:
 * before it has compute it simply ends; after, the workflow is told at once and cleans up), retry
 * (a new run of the same version), read their logs.
 */
public final class JobRunService {
    /** The error a cancelled run's waiting stage is failed with. */
    public static final String CANCELLED_ERROR = "LakeSail.Cancelled";
    /** Re-reads after a lost race on the job's active runs (runs started at once), before a 409. */
    private static final int ATTEMPTS = 5;
    private static final int DEFAULT_LOG_LINES = 1000;
    private static final int MAX_LOG_LINES = 10_000;
    /** How long a run's idempotency key is kept: well past any redelivery of the event or tick that started it. */
    private static final Duration RUN_KEY_RETENTION = Duration.ofDays(30);

    private final JobRecords records;
    private final JobRunWorkflows runWorkflows;
    private final Workflows workflows;
    private final RunLogs logs;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final EventOutbox events;

    @Inject
    public JobRunService(JobRecords records, JobRunWorkflows runWorkflows, Workflows workflows, RunLogs logs, Clock clock,
                         Ids ids, Authorizer authorizer, AuditLog audit, EventOutbox events) {
        this.events = events;
        this.records = records;
        this.runWorkflows = runWorkflows;
        this.workflows = workflows;
        this.logs = logs;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
    }

    /** A run with its result preview, when it has one. */
    public record RunDetails(JobRun run, Optional<ResultPreview> result) {
    }

    /** Starts a run of the job's live version; undeclared parameters and wrong types are a 400. */
    public JobRun run(Principal principal, String orgId, String jobId, Supplier<Map<String, Object>> parameters,
                      Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOBS_RUN, jobId);
        Map<String, Object> given = parameters.get();
        Job job = records.job(orgId, jobId);
        JobVersion live = records.version(orgId, jobId, job.liveVersion());
        Map<String, Object> resolved = live.definition().resolveParameters(given);
        return launch(job, live, RunTrigger.MANUAL, 1, resolved, principal.userId(),
                run -> List.of(audit.success(caller, Permission.JOBS_RUN.wire(), run.id())), idempotency, null, null);
    }

    /** A new run of the same version with the same parameters, naming the run it retries. */
    public JobRun retry(Principal principal, String orgId, String runId, Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOBS_RUN, runId);
        JobRun previous = records.run(orgId, runId);
        if (!previous.terminal()) {
            throw new ConflictException("job run " + runId + " is " + Wire.name(previous.status())
                    + ": only a run that has ended can be retried");
        }
        Job job = records.job(orgId, previous.jobId());
        JobVersion version = records.version(orgId, job.id(), previous.versionNumber());
        return launch(job, version, RunTrigger.retryOf(runId), 1, previous.parameters(), principal.userId(),
                run -> List.of(audit.success(caller, Permission.JOBS_RUN.wire(), run.id())), idempotency, null, null);
    }

    /**
     * The automatic retry of a run that ended badly: the next attempt, once. The retried run records
     * its retry in the same transaction, so a repeated call starts (the workflow of) the same run.
     */
    public JobRun retryAutomatically(String orgId, String runId) {
        JobRun previous = records.run(orgId, runId);
        if (previous.retriedBy() != null) {
            JobRun existing = records.run(orgId, previous.retriedBy());
            runWorkflows.start(existing, records.version(orgId, existing.jobId(), existing.versionNumber()).definition());
            return existing;
        }
        Job job = records.job(orgId, previous.jobId());
        JobVersion version = records.version(orgId, job.id(), previous.versionNumber());
        return launch(job, version, RunTrigger.retryOf(runId), previous.attempt() + 1, previous.parameters(), null,
                run -> List.of(Write.put(JobItems.run(previous.withRetriedBy(run.id(), run.createdAt())),
                        Condition.versionIs(previous.version()))), Idempotency.NONE, null, null);
    }

    /**
     * Decides, from the ids of the job's active runs, whether a run that starts by itself may start.
     */
    @FunctionalInterface
    public interface Admission {
        /** Null to start the run; else why it is skipped (recorded as its termination message). */
        String refusal(List<String> activeRunIds);
    }

    /**
     * Starts a run of the job's live version for a schedule's tick or an event (no caller: the job's
     * own rules start it), with every parameter's default. Nothing starts for a job that is gone or
     * paused. {@code key} is the run's idempotency key: a second start with it returns the first run.
     *
     * @param admission null to start whatever is active; else it may refuse, and the run is recorded skipped
     * @return the run started (or skipped, or started earlier for the same key); empty when the job does not fire
     */
    public Optional<JobRun> startAutomatically(String orgId, String jobId, RunTrigger trigger, String key,
                                               Admission admission) {
        Optional<Job> job = records.findJob(orgId, jobId);
        if (job.isEmpty() || job.get().status() != JobStatus.ACTIVE) {
            return Optional.empty();
        }
        Optional<JobRun> existing = runForKey(orgId, jobId, key);
        if (existing.isPresent()) {
            return Optional.of(resumed(existing.get()));
        }
        JobVersion live = records.version(orgId, jobId, job.get().liveVersion());
        Map<String, Object> parameters = live.definition().resolveParameters(Map.of());
        try {
            return Optional.of(launch(job.get(), live, trigger, 1, parameters, null, run -> List.of(), Idempotency.NONE,
                    key, admission));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Cancels active runs of a job a scheduled run replaces; a run that has ended meanwhile is left as it is. */
    public void cancelReplaced(String orgId, List<String> runIds, String reason) {
        for (String runId : runIds) {
            Optional<JobRun> run = records.findRun(orgId, runId);
            if (run.isPresent() && !run.get().terminal()) {
                cancel(orgId, runId, reason, null);
            }
        }
    }

    public RunDetails get(Principal principal, String orgId, String runId) {
        authorizer.require(principal, orgId, Permission.JOB_RUNS_READ, runId);
        JobRun run = records.run(orgId, runId);
        return new RunDetails(run, run.hasResult() ? records.result(orgId, runId) : Optional.empty());
    }

    /**
     * Runs newest first.
     *
     * @param jobId  null for every run of the organization (which needs an organization-wide binding)
     * @param status null for every status
     */
    public Page<JobRun> list(Principal principal, String orgId, String jobId, String status, PageRequest page) {
        authorizer.require(principal, orgId, Permission.JOB_RUNS_READ, jobId);
        JobRunStatus filter = status == null ? null : Wire.parse(JobRunStatus.class, status);
        if (status != null && filter == null) {
            throw ValidationException.of("status", "must be one of " + Arrays.stream(JobRunStatus.values())
                    .map(Wire::name).collect(Collectors.joining(", ")));
        }
        if (jobId != null) {
            records.job(orgId, jobId);
        }
        return records.runs(orgId, jobId, filter, page);
    }

    /**
     * Cancels a run in any state that is not terminal. Before it has compute it ends at once; after,
     * the cancel is recorded and the stage waiting on the run's Sail or runner is failed, so the
     * workflow cleans up and ends the run {@code cancelled}. A run whose runner already reported its
     * outcome ends with that outcome.
     */
    public JobRun cancel(Principal principal, String orgId, String runId) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOB_RUNS_CANCEL, runId);
        JobRun current = records.run(orgId, runId);
        if (current.terminal()) {
            throw new ConflictException("job run " + runId + " has already ended: it is " + Wire.name(current.status()));
        }
        return cancel(orgId, runId, "cancelled by " + principal.userId(), audit.success(caller,
                Permission.JOB_RUNS_CANCEL.wire(), runId));
    }

    /** The cancel of a run of a job being deleted; a run that has ended is left as it is. */
    void cancelForDelete(String orgId, String runId, String userId) {
        Optional<JobRun> run = records.findRun(orgId, runId);
        if (run.isPresent() && !run.get().terminal()) {
            cancel(orgId, runId, userId == null ? "cancelled" : "cancelled by " + userId, null);
        }
    }

    public RunLogs.LogsPage logs(Principal principal, String orgId, String runId, String nextToken, Integer limit) {
        authorizer.require(principal, orgId, Permission.JOB_RUNS_READ, runId);
        if (limit != null && (limit < 1 || limit > MAX_LOG_LINES)) {
            throw ValidationException.of("limit", "must be between 1 and " + MAX_LOG_LINES);
        }
        JobRun run = records.run(orgId, runId);
        return logs.read(orgId, runId, nextToken, limit == null ? DEFAULT_LOG_LINES : limit, run.terminal());
    }

    /** @param by how the cancel is told: "cancelled by usr_1", "cancelled: replaced by ..." */
    private JobRun cancel(String orgId, String runId, String by, Write auditEntry) {
        List<Write> extra = auditEntry == null ? List.of() : List.of(auditEntry);
        JobRun ended = records.end(orgId, runId, r -> r.status().beforeCompute()
                ? new JobRecords.Ending(JobRunStatus.CANCELLED, new Termination(TerminationCode.USER_CANCELED,
                by + " before it started"), extra) : null, clock.instant());
        if (ended.terminal()) {
            return ended;
        }
        // It has (or is getting) compute: the workflow cleans up. Nothing to ask of a run already
        // asked, or whose runner already reported how it ended.
        JobRun requested = records.update(orgId, runId, r -> r.terminal() || r.cancelRequested() || r.outcome() != null
                ? null : r.cancelRequested(clock.instant(), by), extra);
        if (requested.cancelRequested() && requested.waitToken() != null) {
            try {
                workflows.sendTaskFailure(requested.waitToken(), CANCELLED_ERROR, by);
            } catch (TaskTokenException e) {
                // The stage stopped waiting meanwhile: the next one sees the cancel.
            }
        }
        return requested;
    }

    /**
     * Creates the run (or, when {@code admission} refuses it, records it skipped) and starts its
     * workflow. With a {@code key}, a second launch for the same key returns the run the first made.
     */
    private JobRun launch(Job job, JobVersion version, RunTrigger trigger, int attempt, Map<String, Object> parameters,
                          String userId, Function<JobRun, List<Write>> extra, Idempotency idempotency, String key,
                          Admission admission) {
        String orgId = job.organizationId();
        String keyHash = key == null ? null : TokenSecrets.hash(key);
        for (int i = 1; ; i++) {
            JobRun run = JobRun.create(ids.next(JobRun.ID_PREFIX), orgId, job.id(), version.number(), trigger, attempt,
                    parameters, userId, clock.instant());
            JobRecords.ActiveRuns active = records.activeRuns(orgId, job.id());
            String refusal = admission == null ? null : admission.refusal(active.value().runIds());
            JobRun written = refusal == null ? run
                    : run.end(JobRunStatus.CANCELLED, new Termination(TerminationCode.SKIPPED, refusal), run.createdAt());
            List<Write> writes = new ArrayList<>();
            writes.add(Write.put(JobItems.run(written), Condition.notExists()));
            // A skipped run relies on the active runs it was refused for: if they change, decide again.
            writes.add(refusal == null ? active.write(active.value().with(run.id()))
                    : Write.check(JobKeys.activeRuns(orgId, job.id()), active.condition()));
            // A run never lands in a job deleted meanwhile.
            writes.add(Write.check(JobKeys.job(orgId, job.id()), Condition.exists()));
            if (keyHash != null) {
                writes.add(Write.put(JobItems.runKey(orgId, job.id(), keyHash, new JobItems.RunKey(key, run.id()),
                        run.createdAt().plus(RUN_KEY_RETENTION).getEpochSecond()), Condition.notExists()));
            }
            writes.addAll(extra.apply(written));
            writes.addAll(idempotency.record(written));
            Event event = records.stateChange(null, written);
            writes.add(events.record(event));
            try {
                if (refusal == null) {
                    runWorkflows.commitAndStart(writes, run, version.definition());
                } else {
                    records.store().transact(writes);
                }
                records.published(event);
                return written;
            } catch (ConditionFailedException e) {
                if (records.findJob(orgId, job.id()).isEmpty()) {
                    throw new NotFoundException("job " + job.id() + " not found");
                }
                Optional<JobRun> existing = keyHash == null ? Optional.empty() : runForHash(orgId, job.id(), keyHash);
                if (existing.isPresent()) {
                    return resumed(existing.get());
                }
                if (i >= ATTEMPTS) {
                    throw new ConflictException("runs of job " + job.id() + " started concurrently; try again");
                }
            }
        }
    }

    /** The run an earlier launch made for the same key; its workflow is started again (starting twice starts once). */
    private JobRun resumed(JobRun existing) {
        if (!existing.terminal()) {
            runWorkflows.start(existing, records.version(existing.organizationId(), existing.jobId(),
                    existing.versionNumber()).definition());
        }
        return existing;
    }

    /** The run started for idempotency key {@code key} of the job, if one was. */
    public Optional<JobRun> runForKey(String orgId, String jobId, String key) {
        return runForHash(orgId, jobId, TokenSecrets.hash(key));
    }

    private Optional<JobRun> runForHash(String orgId, String jobId, String keyHash) {
        return records.store().get(JobKeys.runKey(orgId, jobId, keyHash)).map(JobItems::runKey)
                .flatMap(k -> records.findRun(orgId, k.runId()));
    }
}
