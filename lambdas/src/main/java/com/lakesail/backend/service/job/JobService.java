package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.domain.job.JobStatus;
import com.lakesail.backend.domain.job.JobVersion;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.Caller;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.service.Versions;
import com.lakesail.backend.service.trigger.Crons;
import com.lakesail.backend.service.trigger.ScheduleSync;
import com.lakesail.backend.service.trigger.TriggerIndex;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.store.JobKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * Jobs and their versions: create (version 1 goes live at once), read, list, rename or move to
 * another team, new drafts, promotion, pause and resume, delete (cancelling the job's active runs
 * first). Authorization names the job, so a binding scoped to its team covers it.
 */
public final class JobService {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    /** Re-reads after a lost race on the job (two drafts at once), before a 409. */
    private static final int ATTEMPTS = 3;

    private final JobRecords records;
    private final JobDefinitions definitions;
    private final JobRunService runs;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final TriggerIndex triggers;
    private final ScheduleSync schedules;

    @Inject
    public JobService(JobRecords records, JobDefinitions definitions, JobRunService runs, Clock clock, Ids ids,
                      Authorizer authorizer, AuditLog audit, TriggerIndex triggers, ScheduleSync schedules) {
        this.triggers = triggers;
        this.schedules = schedules;
        this.records = records;
        this.definitions = definitions;
        this.runs = runs;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
    }

    /** @param teamId the owning team, or null for a job only organization-wide bindings cover */
    public record Create(String name, String description, String teamId, JobDefinition.Input definition) {
    }

    /** A PATCH; null fields keep their values. */
    public record Update(String name, String description, String teamId, Long version) {
    }

    public record NewVersion(JobDefinition.Input definition, Integer basedOn) {
    }

    public Job create(Principal principal, String orgId, Create request, Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOBS_CREATE, request.teamId());
        Validator v = new Validator();
        v.name("name", request.name());
        description(v, request.description());
        v.require(request.teamId() == null || caller.snapshot().teams().containsKey(request.teamId()), "teamId",
                "no team " + request.teamId() + " in this organization");
        JobDefinition definition = definitions.validate(v, orgId, null, request.definition());
        v.throwIfInvalid();
        Job job = Job.create(ids.next(Job.ID_PREFIX), orgId, request.name(), request.description(), request.teamId(),
                definition.schedule(), clock.instant());
        JobVersion first = JobVersion.first(orgId, job.id(), definition, principal.userId(), job.createdAt());
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(JobItems.job(job), Condition.notExists()));
        writes.add(Write.put(JobItems.version(first), Condition.notExists()));
        writes.addAll(triggers.change(orgId, job.id(), null, first));
        if (job.schedule() != null) {
            writes.add(schedules.request(orgId, job.id(), job.version()));
        }
        writes.add(audit.success(caller, Permission.JOBS_CREATE.wire(), job.id()));
        Job shown = present(job);
        writes.addAll(idempotency.record(shown));
        records.store().transact(writes);
        syncSchedule(job, job);
        return shown;
    }

    public Job get(Principal principal, String orgId, String jobId) {
        authorizer.require(principal, orgId, Permission.JOBS_READ, jobId);
        return present(records.job(orgId, jobId));
    }

    /** @param teamId null for every job of the organization (which needs an organization-wide binding) */
    public Page<Job> list(Principal principal, String orgId, String teamId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.JOBS_READ, teamId);
        return records.jobs(orgId, teamId, page).map(this::present);
    }

    /**
     * Renames, redescribes or moves the job. Moving it to another team also needs {@code jobs:create}
     * there, so nobody places a job where they could not have made it.
     *
     * @param supplied read once the caller is admitted on the job, so another tenant's id answers 404 whatever the body
     */
    public Job update(Principal principal, String orgId, String jobId, Supplier<Update> supplied) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOBS_UPDATE, jobId);
        Update request = supplied.get();
        Validator v = new Validator().expectedVersion("version", request.version());
        v.optionalName("name", request.name());
        description(v, request.description());
        v.require(request.teamId() == null || caller.snapshot().teams().containsKey(request.teamId()), "teamId",
                "no team " + request.teamId() + " in this organization");
        v.throwIfInvalid();
        Job current = records.job(orgId, jobId);
        Versions.require("job", jobId, current.version(), request.version());
        if (request.teamId() != null && !request.teamId().equals(current.teamId())) {
            authorizer.require(principal, orgId, Permission.JOBS_CREATE, request.teamId());
        }
        Job next = current.update(request.name(), request.description(), request.teamId(), clock.instant());
        records.store().transact(List.of(Write.put(JobItems.job(next), Condition.versionIs(current.version())),
                audit.success(caller, Permission.JOBS_UPDATE.wire(), jobId)));
        return present(next);
    }

    /**
     * Cancels the job's active runs, then deletes the job. Its runs stay readable, and so do the
     * versions they pinned (to the runs' workflows, which finish and clean up with them; the versions
     * routes go through the job and answer 404).
     */
    public void delete(Principal principal, String orgId, String jobId) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOBS_DELETE, jobId);
        for (int attempt = 1; ; attempt++) {
            Job job = records.job(orgId, jobId);
            records.activeRuns(orgId, jobId).value().runIds().forEach(runId -> runs.cancelForDelete(orgId, runId,
                    principal.userId()));
            // A run started meanwhile changes the set: the check below then fails and the loop cancels it too.
            JobRecords.ActiveRuns active = records.activeRuns(orgId, jobId);
            List<Write> writes = new ArrayList<>(List.of(Write.delete(JobKeys.job(orgId, jobId),
                    Condition.versionIs(job.version())), Write.check(JobKeys.activeRuns(orgId, jobId), active.condition()),
                    audit.success(caller, Permission.JOBS_DELETE.wire(), jobId)));
            writes.addAll(triggers.change(orgId, jobId, records.version(orgId, jobId, job.liveVersion()), null));
            if (job.schedule() != null) {
                writes.add(schedules.request(orgId, jobId, job.version() + 1));
            }
            try {
                records.store().transact(writes);
                syncSchedule(job, job);
                break;
            } catch (ConditionFailedException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("job " + jobId + " changed while it was being deleted; try again");
                }
            }
        }
    }

    /** A new draft version; it goes live only when promoted. */
    public JobVersion createVersion(Principal principal, String orgId, String jobId, Supplier<NewVersion> supplied,
                                    Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOBS_UPDATE, jobId);
        NewVersion request = supplied.get();
        Validator v = new Validator();
        JobDefinition definition = definitions.validate(v, orgId, jobId, request.definition());
        v.throwIfInvalid();
        for (int attempt = 1; ; attempt++) {
            Job job = records.job(orgId, jobId);
            if (request.basedOn() != null && (request.basedOn() < 1 || request.basedOn() > job.latestVersion())) {
                throw ValidationException.of("basedOn",
                        "job " + jobId + " has versions 1 to " + job.latestVersion());
            }
            int number = job.latestVersion() + 1;
            JobVersion draft = JobVersion.draft(orgId, jobId, number, request.basedOn() == null ? job.liveVersion()
                    : request.basedOn(), definition, principal.userId(), clock.instant());
            List<Write> writes = new ArrayList<>();
            writes.add(Write.put(JobItems.version(draft), Condition.notExists()));
            writes.add(Write.put(JobItems.job(job.withDraft(number, draft.createdAt())), Condition.versionIs(job.version())));
            writes.add(audit.success(caller, Permission.JOBS_UPDATE.wire(), jobId));
            writes.addAll(idempotency.record(draft));
            try {
                records.store().transact(writes);
                return draft;
            } catch (ConditionFailedException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("a concurrent change to job " + jobId + " won the race; try again");
                }
            }
        }
    }

    public Page<JobVersion> listVersions(Principal principal, String orgId, String jobId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.JOBS_READ, jobId);
        records.job(orgId, jobId);
        return records.versions(orgId, jobId, page);
    }

    public JobVersion getVersion(Principal principal, String orgId, String jobId, String number) {
        authorizer.require(principal, orgId, Permission.JOBS_READ, jobId);
        records.job(orgId, jobId);
        return records.version(orgId, jobId, versionNumber(jobId, number));
    }

    /** Makes a draft (or a retired version: a rollback) live; runs created from now on pin it. */
    public Job promote(Principal principal, String orgId, String jobId, String number) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOBS_PROMOTE, jobId);
        Job job = records.job(orgId, jobId);
        JobVersion promoted = records.version(orgId, jobId, versionNumber(jobId, number));
        Job next = job.promoted(promoted.number(), promoted.definition().schedule(), clock.instant());
        JobVersion retired = records.version(orgId, jobId, job.liveVersion());
        List<Write> writes = new ArrayList<>(List.of(
                Write.put(JobItems.job(next), Condition.versionIs(job.version())),
                Write.put(JobItems.version(promoted.live(next.updatedAt())), Condition.versionIs(promoted.version())),
                Write.put(JobItems.version(retired.retired()), Condition.versionIs(retired.version())),
                audit.success(caller, Permission.JOBS_PROMOTE.wire(), jobId)));
        writes.addAll(triggers.change(orgId, jobId, retired, promoted));
        if (job.schedule() != null || next.schedule() != null) {
            writes.add(schedules.request(orgId, jobId, next.version()));
        }
        records.store().transact(writes);
        syncSchedule(job, next);
        return present(next);
    }

    public Job pause(Principal principal, String orgId, String jobId) {
        return setStatus(principal, orgId, jobId, JobStatus.PAUSED);
    }

    public Job resume(Principal principal, String orgId, String jobId) {
        return setStatus(principal, orgId, jobId, JobStatus.ACTIVE);
    }

    private Job setStatus(Principal principal, String orgId, String jobId, JobStatus status) {
        Caller caller = authorizer.require(principal, orgId, Permission.JOBS_PAUSE, jobId);
        Job job = records.job(orgId, jobId);
        Job next = job.withStatus(status, clock.instant());
        List<Write> writes = new ArrayList<>(List.of(Write.put(JobItems.job(next), Condition.versionIs(job.version())),
                audit.success(caller, Permission.JOBS_PAUSE.wire(), jobId)));
        if (next.schedule() != null) {
            // Paused: the schedule is deleted; resumed: created again, firing from its next tick (no catch-up).
            writes.add(schedules.request(orgId, jobId, next.version()));
        }
        records.store().transact(writes);
        syncSchedule(job, next);
        return present(next);
    }

    /** The job as shown: with when its schedule fires next, on this backend's clock. */
    private Job present(Job job) {
        return job.withNextRunAt(job.scheduled() ? Crons.next(job.schedule(), clock.instant()).orElse(null) : null);
    }

    /** After a commit that asked for it: the job's schedule made to match the job (else the reconciler does it). */
    private void syncSchedule(Job before, Job after) {
        if (before.schedule() != null || after.schedule() != null) {
            schedules.syncCommitted(after.organizationId(), after.id());
        }
    }

    private static int versionNumber(String jobId, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not a version number: no such version
        }
        throw new NotFoundException("version " + text + " of job " + jobId + " not found");
    }

    private static void description(Validator v, String description) {
        v.require(description == null || description.length() <= Job.MAX_DESCRIPTION, "description",
                "must be at most " + Job.MAX_DESCRIPTION + " characters");
        v.require(description == null || !CONTROL.matcher(description).find(), "description",
                "must not contain control characters other than newlines and tabs");
    }
}
