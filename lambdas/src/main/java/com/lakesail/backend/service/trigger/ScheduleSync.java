package com.lakesail.backend.service.trigger;

import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Schedules;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.store.JobKeys;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Keeps each job's schedule (on EventBridge Scheduler, or the local scheduler) in step with the job,
 * as reliably as every other lifecycle change: the change that may alter the schedule (a create, a
 * promote, a pause or resume, a delete) also writes a sync request in its transaction; right after
 * the commit the schedule is made to match the job as it is then, and the request removed; a request
 * left behind (the call failed, the process died) is done by the next reconciler pass. Matching the
 * job's current state rather than replaying changes makes every attempt idempotent and order-free.
 *
 * <pre>
 * entity / purpose     pk          sk                  GSI1 (pk / sk)
 * sync request         ORG#org     SCHEDULESYNC#job    SCHEDULESYNC#shard / dueAt#org#job
 * </pre>
 *
 * The request's version is the job's version after the change (one past it for a delete), so a
 * request written while an earlier one is being done is never removed by it.
 *
 * <p>A host whose graph has no {@link Schedules} (the API function, which keeps Scheduler's SDK out of
 * its package) writes the request due at once and leaves it to the next reconciler pass (each minute):
 * a late tick of an old schedule starts nothing, since a tick must be one of the job's current schedule.
 */
public final class ScheduleSync {
    private static final int SHARDS = 8;
    private static final int PAGE = 100;
    private static final System.Logger LOG = System.getLogger(ScheduleSync.class.getName());

    private final Store store;
    private final Optional<Schedules> schedules;
    private final Clock clock;
    private final WorkflowOutbox.Timing timing;

    @Inject
    public ScheduleSync(Store store, Optional<Schedules> schedules, Clock clock, WorkflowOutbox.Timing timing) {
        this.store = store;
        this.schedules = schedules;
        this.clock = clock;
        this.timing = timing;
    }

    /** The sync request to commit with a change to the job; {@code version} is the job's version after it. */
    public Write request(String orgId, String jobId, long version) {
        Instant due = schedules.isPresent() ? clock.instant().plus(timing.startGrace()) : clock.instant();
        return Write.put(item(new Request(orgId, jobId), due, version), Condition.none());
    }

    /** Makes the job's schedule match the job, right after the commit that asked; a failure is left to the reconciler. */
    public void syncCommitted(String orgId, String jobId) {
        if (schedules.isEmpty()) {
            return;
        }
        try {
            store.get(key(orgId, jobId)).ifPresent(this::sync);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "schedule of job " + jobId + " not synced; the reconciler will retry", e);
        }
    }

    /**
     * Does the sync requests due by {@code asOf}, at most {@code limit}.
     *
     * @return how many were done
     */
    public int syncDue(Instant asOf, int limit) {
        String due = Keys.auditTime(asOf);
        int seen = 0;
        int done = 0;
        for (int shard = 0; shard < SHARDS && seen < limit; shard++) {
            String token = null;
            shard:
            do {
                Page<Item> page = store.query(Query.partition(Query.Index.GSI1, partition(shard), "",
                        Math.min(PAGE, limit - seen), token));
                for (Item indexed : page.items()) {
                    if (indexed.gsi1sk().substring(0, due.length()).compareTo(due) > 0) {
                        break shard;
                    }
                    seen++;
                    try {
                        Optional<Item> current = store.get(indexed.key());
                        if (current.isPresent()) {
                            sync(current.get());
                            done++;
                        }
                    } catch (RuntimeException e) {
                        // It stays due: the next pass tries again.
                        LOG.log(System.Logger.Level.WARNING, "schedule sync " + indexed.key() + " failed", e);
                    }
                }
                token = page.nextToken();
            } while (token != null && seen < limit);
        }
        return done;
    }

    private void sync(Item requestItem) {
        Schedules schedules = this.schedules.orElseThrow(() -> new IllegalStateException("no schedules on this host"));
        Request request = Items.decode(requestItem, Request.class);
        Optional<Job> job = store.get(JobKeys.job(request.orgId(), request.jobId())).map(JobItems::job);
        if (job.isPresent() && job.get().scheduled()) {
            Job j = job.get();
            schedules.put(new Schedules.Schedule(j.organizationId(), j.id(), j.schedule().cron(), j.schedule().timezone(),
                    j.version()));
        } else {
            schedules.delete(request.orgId(), request.jobId());
        }
        try {
            store.delete(requestItem.key(), Condition.versionIs(requestItem.version()));
        } catch (ConditionFailedException e) {
            // A newer change asked again meanwhile: its request stays, and is done by its own fast path or a pass.
        }
    }

    private static Key key(String orgId, String jobId) {
        return Key.of(Keys.orgPartition(orgId), "SCHEDULESYNC#" + jobId);
    }

    private static String partition(int shard) {
        return "SCHEDULESYNC#" + shard;
    }

    private static Item item(Request request, Instant dueAt, long version) {
        String name = request.orgId() + "#" + request.jobId();
        return Items.item(key(request.orgId(), request.jobId()), "ScheduleSync", version, request)
                .gsi1(partition(Math.floorMod(name.hashCode(), SHARDS)), Keys.auditTime(dueAt) + "#" + name).build();
    }

    /** A job whose schedule must be made to match it. */
    public record Request(String orgId, String jobId) {
    }
}
