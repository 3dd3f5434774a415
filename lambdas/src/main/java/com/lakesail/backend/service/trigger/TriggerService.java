package com.lakesail.backend.service.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.CloudAccountStatus;
import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobSchedule;
import com.lakesail.backend.domain.job.RunTrigger;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.service.job.JobRecords;
import com.lakesail.backend.service.job.JobRunService;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.store.InfraKeys;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.TriggerItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Starts the runs that schedules and events ask for (DESIGN §11), the same on both hosts: the AWS
 * trigger function and the local scheduler, file watcher and embedded bus all end here.
 *
 * <ul>
 * <li>a schedule's tick starts a run of the job, keyed by the job and the scheduled time, as the
 *     schedule's concurrency policy allows: {@code skip} records the tick as a skipped run while a run
 *     is active, {@code allow} does so once {@code maxConcurrentRuns} are, {@code replace} cancels the
 *     active runs first;
 * <li>an event finds the triggers listening to its source through the index (for S3, across
 *     organizations: by bucket), is matched against their patterns by Event Ruler, and starts one run
 *     per matching job, keyed by the event's identity, inside the job's own organization;
 * <li>S3 events count only from an AWS account connected (active) to the job's organization; local
 *     files carry no account and belong to the machine;
 * <li>a paused or deleted job starts nothing; a duplicate delivery returns the run the first made.
 * </ul>
 */
public final class TriggerService {
    private static final System.Logger LOG = System.getLogger(TriggerService.class.getName());

    private final TriggerIndex index;
    private final TriggerWindows windows;
    private final JobRunService runs;
    private final JobRecords jobs;
    private final InfraRecords infra;

    @Inject
    public TriggerService(TriggerIndex index, TriggerWindows windows, JobRunService runs, JobRecords jobs,
                          InfraRecords infra) {
        this.index = index;
        this.windows = windows;
        this.runs = runs;
        this.jobs = jobs;
        this.infra = infra;
    }

    /**
     * A tick of the job's schedule, for the time it was scheduled at (as EventBridge Scheduler or the
     * local scheduler says). Repeated, it returns the run the first made.
     *
     * @return the run started or recorded skipped; empty when the job is gone, paused or unscheduled
     */
    public Optional<JobRun> onSchedule(String orgId, String jobId, Instant scheduledAt) {
        Optional<Job> job = jobs.findJob(orgId, jobId);
        // A tick of a schedule the job no longer has (promoted meanwhile, its sync still on its way) starts nothing.
        if (job.isEmpty() || !job.get().scheduled()
                || !Crons.next(job.get().schedule(), scheduledAt.minusSeconds(1)).map(scheduledAt::equals).orElse(false)) {
            return Optional.empty();
        }
        String key = "schedule:" + jobId + ":" + scheduledAt;
        Optional<JobRun> earlier = runs.runForKey(orgId, jobId, key);
        if (earlier.isPresent()) {
            return earlier;
        }
        JobSchedule schedule = job.get().schedule();
        JobRunService.Admission admission = switch (schedule.concurrency()) {
            case SKIP -> active -> active.isEmpty() ? null
                    : "skipped: the run scheduled for " + scheduledAt + " found " + String.join(", ", active)
                    + " still active (concurrency: skip)";
            case ALLOW -> active -> active.size() < schedule.maxConcurrentRuns() ? null
                    : "skipped: the run scheduled for " + scheduledAt + " found " + active.size()
                    + " runs active, the most the schedule allows (maxConcurrentRuns: " + schedule.maxConcurrentRuns() + ")";
            case REPLACE -> {
                replace(orgId, jobId, scheduledAt);
                yield null;
            }
        };
        return runs.startAutomatically(orgId, jobId, RunTrigger.schedule(scheduledAt), key, admission);
    }

    /**
     * An EventBridge event as delivered ({@code {"id", "source", "detail-type", "account", "time",
     * "detail"}}): S3's "Object Created", a LakeSail run's state change. Custom events come through
     * {@link #onCustomEvent}, which knows their organization.
     *
     * @return the runs started (or found started for the same event)
     */
    public List<JobRun> onEvent(JsonNode event) {
        String source = event.path("source").asText("");
        String detailType = event.path("detail-type").asText("");
        if (source.equals(EventPatterns.S3_SOURCE) && detailType.equals(EventPatterns.OBJECT_CREATED)) {
            return onObjectCreated(event);
        }
        if (source.equals(Event.SOURCE) && detailType.equals(Event.JOB_RUN_STATE_CHANGE)) {
            return onRunStateChange(event);
        }
        LOG.log(System.Logger.Level.WARNING, "ignored an event of source " + source + " and type " + detailType);
        return List.of();
    }

    /** A custom event put by the organization itself: only its own jobs listen. */
    public List<JobRun> onCustomEvent(String orgId, JsonNode event) {
        String source = event.path("source").asText();
        String identity = "event:" + event.path("id").asText();
        return start(event, index.events(orgId, source), identity, null, null);
    }

    private List<JobRun> onObjectCreated(JsonNode event) {
        JsonNode detail = event.path("detail");
        String bucket = detail.path("bucket").path("name").asText("");
        JsonNode object = detail.path("object");
        String key = object.path("key").asText("");
        if (bucket.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("an Object Created event names detail.bucket.name and detail.object.key");
        }
        // The object's identity: a new version (or, unversioned, new content) is a new object, a redelivery is not.
        String identity = "s3:" + bucket + "/" + key + ":" + object.path("version-id").asText(object.path("etag").asText(""))
                + ":" + object.path("sequencer").asText("");
        String account = event.hasNonNull("account") ? event.path("account").asText() : null;
        return start(event, index.s3(bucket), identity, "s3://" + bucket + "/" + key, account);
    }

    private List<JobRun> onRunStateChange(JsonNode event) {
        JsonNode detail = event.path("detail");
        String orgId = detail.path("organizationId").asText("");
        String jobId = detail.path("jobId").asText("");
        String runId = detail.path("runId").asText("");
        if (orgId.isEmpty() || jobId.isEmpty() || runId.isEmpty()) {
            throw new IllegalArgumentException("a run state change names detail.organizationId, jobId and runId");
        }
        // One run per upstream run and state, however often or under whichever id the change is published.
        String identity = "run:" + runId + ":" + detail.path("state").asText();
        return start(event, index.jobRuns(orgId, jobId), identity, runId, null);
    }

    /**
     * Matches {@code event} against the entries' patterns and starts a run for each job with a matching
     * trigger (once per job, however many of its triggers match).
     *
     * @param account the AWS account an S3 event comes from, which the job's organization must have connected; null for none
     */
    private List<JobRun> start(JsonNode event, List<TriggerItems.Entry> entries, String identity, String subject,
                               String account) {
        if (entries.isEmpty()) {
            return List.of();
        }
        EventPatterns.Matcher matcher = new EventPatterns.Matcher();
        for (int i = 0; i < entries.size(); i++) {
            TriggerItems.Entry e = entries.get(i);
            matcher.add(Integer.toString(i), EventPatterns.of(e.organizationId(), e.trigger()));
        }
        Map<String, TriggerItems.Entry> byJob = new LinkedHashMap<>();
        for (String name : matcher.matches(event)) {
            TriggerItems.Entry e = entries.get(Integer.parseInt(name));
            byJob.putIfAbsent(e.organizationId() + "/" + e.jobId(), e);
        }
        RunTrigger.TriggerEvent what = new RunTrigger.TriggerEvent(event.path("id").asText(null),
                event.path("source").asText(null), event.path("detail-type").asText(null), subject);
        List<JobRun> started = new ArrayList<>();
        for (TriggerItems.Entry e : byJob.values()) {
            if (account != null && !connected(e.organizationId(), account)) {
                continue;
            }
            try {
                if (e.trigger().immediate()) {
                    runs.startAutomatically(e.organizationId(), e.jobId(), RunTrigger.event(what), identity, null)
                            .ifPresent(started::add);
                } else {
                    windows.gather(e, identity, what).ifPresent(started::add);
                }
            } catch (RuntimeException failure) {
                // One job's failure (its version's parameters, a lost race) must not keep the others from starting.
                LOG.log(System.Logger.Level.ERROR, "trigger " + e.index() + " of job " + e.jobId() + " did not start a run for "
                        + identity, failure);
            }
        }
        return started;
    }

    /** The cloud account connecting {@code awsAccountId} to the organization is active. */
    private boolean connected(String orgId, String awsAccountId) {
        return infra.store().get(InfraKeys.awsAccount(orgId, awsAccountId))
                .map(guard -> Items.decode(guard, InfraItems.NameOwner.class).resourceId())
                .flatMap(id -> infra.findCloudAccount(orgId, id))
                .map(CloudAccount::status).filter(s -> s == CloudAccountStatus.ACTIVE).isPresent();
    }

    /** Cancels the job's active runs for the scheduled run that replaces them (a repeated tick's own run excepted). */
    private void replace(String orgId, String jobId, Instant scheduledAt) {
        List<String> replaced = new ArrayList<>();
        for (String runId : jobs.activeRuns(orgId, jobId).value().runIds()) {
            jobs.findRun(orgId, runId).filter(r -> !scheduledAt.equals(r.trigger().scheduledAt()))
                    .ifPresent(r -> replaced.add(r.id()));
        }
        runs.cancelReplaced(orgId, replaced, "cancelled: replaced by the run scheduled for " + scheduledAt
                + " (concurrency: replace)");
    }
}
