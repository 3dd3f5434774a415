package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.JobVersion;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.domain.job.Termination;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.event.EventOutbox;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.store.JobKeys;
import com.lakesail.backend.store.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.inject.Inject;

/**
 * Reads and conditional writes of jobs, versions and runs (keys in {@link JobKeys}). Another
 * tenant's id is simply not in the caller's partition, so it reads as not found.
 */
public final class JobRecords {
    /** Re-reads of a run after a lost race (a callback and a workflow stage writing at once). */
    static final int ATTEMPTS = 8;

    private final Store store;
    private final EventOutbox events;

    @Inject
    public JobRecords(Store store, EventOutbox events) {
        this.store = store;
        this.events = events;
    }

    public Store store() {
        return store;
    }

    public Optional<Job> findJob(String orgId, String jobId) {
        return store.get(JobKeys.job(orgId, jobId)).map(JobItems::job);
    }

    public Job job(String orgId, String jobId) {
        return findJob(orgId, jobId).orElseThrow(() -> new NotFoundException("job " + jobId + " not found"));
    }

    public JobVersion version(String orgId, String jobId, int number) {
        return store.get(JobKeys.version(orgId, jobId, number)).map(JobItems::version)
                .orElseThrow(() -> new NotFoundException("version " + number + " of job " + jobId + " not found"));
    }

    public Page<JobVersion> versions(String orgId, String jobId, PageRequest page) {
        return store.query(Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), JobKeys.versionsPrefix(jobId),
                page.limit(), page.nextToken())).map(JobItems::version);
    }

    /** @param teamId null for every job of the organization */
    public Page<Job> jobs(String orgId, String teamId, PageRequest page) {
        Query query = teamId == null
                ? Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), JobKeys.JOB_PREFIX, page.limit(), page.nextToken())
                : Query.partition(Query.Index.GSI1, JobKeys.jobsOfTeam(orgId, teamId), JobKeys.JOB_PREFIX, page.limit(),
                page.nextToken());
        return store.query(query).map(JobItems::job);
    }

    public Optional<JobRun> findRun(String orgId, String runId) {
        return store.get(JobKeys.run(orgId, runId)).map(JobItems::run);
    }

    public JobRun run(String orgId, String runId) {
        return findRun(orgId, runId).orElseThrow(() -> new NotFoundException("job run " + runId + " not found"));
    }

    /**
     * Runs newest first, of one job or of the organization; a status filter keeps the matching runs
     * of each page, so a page may hold fewer than {@code limit} (and still have a next token).
     */
    public Page<JobRun> runs(String orgId, String jobId, JobRunStatus status, PageRequest page) {
        Query query = jobId == null
                ? Query.partition(Query.Index.GSI2, JobKeys.runsOfOrganization(orgId), "", page.limit(), page.nextToken())
                : Query.partition(Query.Index.GSI1, JobKeys.runsOfJob(orgId, jobId), "", page.limit(), page.nextToken());
        Page<JobRun> runs = store.query(query.descending(true)).map(JobItems::run);
        return status == null ? runs
                : new Page<>(runs.items().stream().filter(r -> r.status() == status).toList(), runs.nextToken());
    }

    public Optional<ResultPreview> result(String orgId, String runId) {
        return store.get(JobKeys.result(orgId, runId)).map(JobItems::result);
    }

    /** The job's runs that have not ended, as read, with the condition that writes it back unchanged-since. */
    public ActiveRuns activeRuns(String orgId, String jobId) {
        Optional<Item> item = store.get(JobKeys.activeRuns(orgId, jobId));
        return new ActiveRuns(orgId, jobId, item.map(JobItems::activeRuns).orElse(new JobItems.ActiveRuns(List.of())),
                item.map(Item::version).orElse(0L), item.isPresent());
    }

    /** A job's set of active runs as read. */
    public record ActiveRuns(String orgId, String jobId, JobItems.ActiveRuns value, long version, boolean exists) {
        public Condition condition() {
            return exists ? Condition.versionIs(version) : Condition.notExists();
        }

        /** Writes {@code next} back on the version read; an empty set is deleted. */
        public Write write(JobItems.ActiveRuns next) {
            if (next.runIds().isEmpty()) {
                return exists ? Write.delete(JobKeys.activeRuns(orgId, jobId), condition())
                        : Write.check(JobKeys.activeRuns(orgId, jobId), Condition.notExists());
            }
            return Write.put(JobItems.activeRuns(orgId, jobId, next, version + 1), condition());
        }
    }

    /**
     * Applies {@code change} to the run as stored, on its version; after a lost race the run is read
     * again and {@code change} applied to that. {@code change} returns null to write nothing.
     *
     * @return the run as written, or as read when nothing was written
     */
    public JobRun update(String orgId, String runId, UnaryOperator<JobRun> change) {
        return update(orgId, runId, change, List.of());
    }

    /** As {@link #update(String, String, UnaryOperator)}, with writes that commit with the change (an audit entry). */
    public JobRun update(String orgId, String runId, UnaryOperator<JobRun> change, List<Write> extra) {
        for (int attempt = 1; ; attempt++) {
            JobRun current = run(orgId, runId);
            JobRun next = change.apply(current);
            if (next == null) {
                return current;
            }
            Event event = next.status() == current.status() ? null : stateChange(current, next);
            try {
                Write write = Write.put(JobItems.run(next), Condition.versionIs(current.version()));
                if (extra.isEmpty() && event == null) {
                    store.put(JobItems.run(next), Condition.versionIs(current.version()));
                } else {
                    List<Write> writes = new ArrayList<>(extra);
                    writes.add(0, write);
                    if (event != null) {
                        writes.add(events.record(event));
                    }
                    store.transact(writes);
                    published(event);
                }
                return next;
            } catch (ConditionFailedException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Makes the run terminal and takes it out of its job's active runs, in one transaction, re-reading
     * after a lost race. A run already terminal is left as it is.
     *
     * @param how decides, from the run as read, the terminal status and how it ended; null to leave it
     * @return the run as it is now
     */
    public JobRun end(String orgId, String runId, Function<JobRun, Ending> how, Instant at) {
        for (int attempt = 1; ; attempt++) {
            JobRun current = run(orgId, runId);
            if (current.terminal()) {
                return current;
            }
            Ending ending = how.apply(current);
            if (ending == null) {
                return current;
            }
            JobRun ended = current.end(ending.status(), ending.termination(), at);
            List<Write> writes = new ArrayList<>();
            writes.add(Write.put(JobItems.run(ended), Condition.versionIs(current.version())));
            ActiveRuns active = activeRuns(orgId, current.jobId());
            if (active.value().runIds().contains(runId)) {
                writes.add(active.write(active.value().without(runId)));
            }
            writes.addAll(ending.extra());
            Event event = stateChange(current, ended);
            writes.add(events.record(event));
            try {
                store.transact(writes);
                published(event);
                return ended;
            } catch (ConditionFailedException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("job run " + runId + " changed concurrently; try again");
                }
            }
        }
    }

    /**
     * The event of a run's move from {@code before} (null: it is new) to {@code after}, to record with the
     * write that makes it; {@link #published} publishes it once that committed.
     */
    public Event stateChange(JobRun before, JobRun after) {
        return JobRunEvents.stateChange(JobRunEvents.id(after), before, after);
    }

    /** Publishes a committed state change (null: none); never throws, so the run goes on whatever the bus does. */
    public void published(Event event) {
        if (event != null) {
            events.publishCommitted(List.of(event));
        }
    }

    /**
     * Publishes the run's events still queued: those a host without a bus (the API) recorded since its
     * workflow's last task. Never throws.
     */
    public void publishQueued(String orgId, String runId) {
        events.publishQueued(orgId, runId);
    }

    /** How a run ends: its terminal status and termination, and writes that ride along (an audit entry). */
    public record Ending(JobRunStatus status, Termination termination, List<Write> extra) {
        public Ending(JobRunStatus status, Termination termination) {
            this(status, termination, List.of());
        }
    }
}
