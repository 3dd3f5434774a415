package com.lakesail.backend.service.trigger;

import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobTrigger;
import com.lakesail.backend.domain.job.RunTrigger;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.TokenSecrets;
import com.lakesail.backend.service.job.JobRunService;
import com.lakesail.backend.store.Keys;
import com.lakesail.backend.store.TriggerItems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * S3 triggers with timing: {@code waitAfterLastChangeSeconds} gathers a burst of objects into one run,
 * started once no object has arrived for that long; {@code minSecondsBetweenRuns} starts runs at most
 * that often. Each event either opens the run the trigger owes or joins it, moving its start; the
 * owed run starts when due ({@link #fireDue}, every reconciler pass on AWS, every second locally).
 *
 * <p>Every event is recorded as seen in the transaction that counts it, so a redelivery counts for
 * nothing; the owed run's idempotency key is the identity of its first event (and how many earlier
 * runs of the same burst there were), so starting it twice starts it once.
 */
public final class TriggerWindows {
    /** Redeliveries come within a day (EventBridge retries for 24 h): seen events are kept twice that. */
    private static final Duration SEEN_RETENTION = Duration.ofDays(2);
    private static final int ATTEMPTS = 8;
    private static final int PAGE = 100;
    private static final System.Logger LOG = System.getLogger(TriggerWindows.class.getName());

    private final Store store;
    private final JobRunService runs;
    private final Clock clock;

    @Inject
    public TriggerWindows(Store store, JobRunService runs, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * Counts an event matched by trigger {@code e}, which has timing.
     *
     * @return the run started, when the event made the owed run due at once (no wait, spacing respected)
     */
    public Optional<JobRun> gather(TriggerItems.Entry e, String identity, RunTrigger.TriggerEvent what) {
        Key key = TriggerItems.state(e.organizationId(), e.jobId(), e.index());
        String hash = TokenSecrets.hash(identity);
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Optional<Item> item = store.get(key);
            TriggerItems.State s = item.map(TriggerItems::state).orElse(null);
            TriggerItems.Pending p = s == null ? null : s.pending();
            Instant lastRunAt = s == null ? null : s.lastRunAt();
            Instant fireAt = fireAt(e.trigger(), now, lastRunAt);
            TriggerItems.Pending next = p == null
                    ? new TriggerItems.Pending(identity, what.id(), what.subject(), 1, 0, now, fireAt)
                    : new TriggerItems.Pending(p.firstEvent(), p.eventId(), p.subject(), p.events() + 1, p.fired(), now, fireAt);
            TriggerItems.State written = new TriggerItems.State(e.organizationId(), e.jobId(), e.index(), e.trigger(), next,
                    lastRunAt);
            long version = item.map(Item::version).orElse(0L);
            try {
                store.transact(List.of(
                        Write.put(TriggerItems.state(e.organizationId(), e.jobId(), e.index(), written, version + 1),
                                version == 0 ? Condition.notExists() : Condition.versionIs(version)),
                        Write.put(TriggerItems.seen(e.organizationId(), e.jobId(), e.index(), hash,
                                now.plus(SEEN_RETENTION).getEpochSecond()), Condition.notExists())));
            } catch (ConditionFailedException lost) {
                if (seen(e, hash) || attempt >= ATTEMPTS) {
                    return Optional.empty();
                }
                continue;
            }
            return fireAt.isAfter(now) ? Optional.empty() : fire(e.organizationId(), e.jobId(), e.index());
        }
    }

    /**
     * Starts the owed runs due by {@code asOf} (at most {@code limit}), in due order per shard.
     *
     * @return how many owed runs were settled
     */
    public int fireDue(Instant asOf, int limit) {
        String due = Keys.auditTime(asOf);
        int seen = 0;
        int fired = 0;
        for (int shard = 0; shard < TriggerItems.SHARDS && seen < limit; shard++) {
            String token = null;
            shard:
            do {
                Page<Item> page = store.query(Query.partition(Query.Index.GSI1, TriggerItems.duePartition(shard), "",
                        Math.min(PAGE, limit - seen), token));
                for (Item indexed : page.items()) {
                    if (indexed.gsi1sk().substring(0, due.length()).compareTo(due) > 0) {
                        break shard;
                    }
                    seen++;
                    TriggerItems.State s = TriggerItems.state(indexed);
                    try {
                        fire(s.organizationId(), s.jobId(), s.index());
                        fired++;
                    } catch (RuntimeException failure) {
                        // It stays due: the next pass tries again.
                        LOG.log(System.Logger.Level.ERROR, "trigger " + s.index() + " of job " + s.jobId() + " did not fire",
                                failure);
                    }
                }
                token = page.nextToken();
            } while (token != null && seen < limit);
        }
        return fired;
    }

    /** Starts the trigger's owed run if it is due, then settles it; events that came meanwhile owe the next. */
    private Optional<JobRun> fire(String orgId, String jobId, int index) {
        Key key = TriggerItems.state(orgId, jobId, index);
        Optional<JobRun> started = Optional.empty();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<Item> item = store.get(key);
            TriggerItems.State s = item.map(TriggerItems::state).orElse(null);
            if (s == null || s.pending() == null || s.pending().fireAt().isAfter(now)) {
                return started;
            }
            TriggerItems.Pending p = s.pending();
            int more = p.events() - p.fired() - 1;
            String subject = p.subject() + (more > 0 ? " and " + more + " more" : "");
            // A paused or deleted job owes nothing: the run is simply not started.
            started = runs.startAutomatically(orgId, jobId, RunTrigger.event(new RunTrigger.TriggerEvent(p.eventId(),
                    EventPatterns.S3_SOURCE, EventPatterns.OBJECT_CREATED, subject)),
                    "window:" + index + ":" + p.firstEvent() + "#" + p.fired(), null);
            TriggerItems.State settled = new TriggerItems.State(orgId, jobId, index, s.trigger(), null, now);
            try {
                store.put(TriggerItems.state(orgId, jobId, index, settled, item.get().version() + 1),
                        Condition.versionIs(item.get().version()));
                return started;
            } catch (ConditionFailedException lost) {
                // An event joined meanwhile: it was too late for this run, so it owes the next.
                Optional<Item> again = store.get(key);
                TriggerItems.State s2 = again.map(TriggerItems::state).orElse(null);
                if (s2 != null && s2.pending() != null && s2.pending().firstEvent().equals(p.firstEvent())
                        && s2.pending().fired() == p.fired()) {
                    TriggerItems.Pending p2 = s2.pending();
                    TriggerItems.Pending owed = new TriggerItems.Pending(p2.firstEvent(), p2.eventId(), p2.subject(),
                            p2.events(), p.events(), p2.lastEventAt(), fireAt(s2.trigger(), p2.lastEventAt(), now));
                    try {
                        store.put(TriggerItems.state(orgId, jobId, index, new TriggerItems.State(orgId, jobId, index,
                                s2.trigger(), owed, now), again.get().version() + 1), Condition.versionIs(again.get().version()));
                        return started;
                    } catch (ConditionFailedException raced) {
                        // Read again.
                    }
                }
            }
        }
        return started;
    }

    /** When a run owed now may start: after the wait since the last event, and not before the spacing allows. */
    private static Instant fireAt(JobTrigger t, Instant lastEventAt, Instant lastRunAt) {
        Instant afterWait = lastEventAt.plusSeconds(t.waitAfterLastChangeSeconds());
        Instant spaced = lastRunAt == null ? afterWait : lastRunAt.plusSeconds(t.minSecondsBetweenRuns());
        return afterWait.isAfter(spaced) ? afterWait : spaced;
    }

    private boolean seen(TriggerItems.Entry e, String hash) {
        return store.get(TriggerItems.seen(e.organizationId(), e.jobId(), e.index(), hash, 0).key()).isPresent();
    }
}
