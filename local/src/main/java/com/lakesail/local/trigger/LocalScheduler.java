package com.lakesail.local.trigger;

import com.lakesail.backend.domain.job.JobSchedule;
import com.lakesail.backend.domain.job.ScheduleConcurrency;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Schedules;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.service.trigger.Crons;
import com.lakesail.backend.service.trigger.TriggerService;
import com.lakesail.backend.service.trigger.TriggerWindows;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * EventBridge Scheduler, locally: the schedules of active scheduled jobs, kept in the backend's store
 * (so they survive a restart) with the time each fires next, and fired on the backend's clock: a
 * daemon thread looks every second, or a test calls {@link #runDue()} after moving a manual clock.
 * Each tick calls the {@link TriggerService} with the time it was scheduled for, as Scheduler invokes
 * the trigger function; the same pass starts the runs S3 triggers with timing owe.
 *
 * <pre>
 * entity / purpose     pk              sk         GSI1 (pk / sk)
 * local schedule       LOCALSCHEDULE   org#job    LOCALSCHEDULE#DUE / nextFireAt#org#job
 * </pre>
 *
 * <p>Never a burst of missed ticks: a tick is fired when it is due, or up to {@link #MISFIRE} late
 * (a busy machine, a restart); a tick later than that (the backend was down) is skipped, and the
 * schedule moves on to its next tick after now.
 */
public final class LocalScheduler implements Schedules, AutoCloseable {
    /** How late a tick may still fire. */
    static final Duration MISFIRE = Duration.ofMinutes(5);
    private static final String PARTITION = "LOCALSCHEDULE";
    private static final String DUE = "LOCALSCHEDULE#DUE";
    private static final int PAGE = 100;
    private static final int PER_PASS = 1000;
    private static final long MAX_NAP_MILLIS = 1000;
    private static final System.Logger LOG = System.getLogger(LocalScheduler.class.getName());

    private final Store store;
    private final Clock clock;
    private final Object monitor = new Object();
    private volatile TriggerService triggers;
    private volatile TriggerWindows windows;
    private Thread thread;
    private volatile boolean closed;

    public LocalScheduler(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Connects the scheduler to what its ticks invoke, once the backend's graph is built. */
    public void connect(TriggerService target, TriggerWindows owed) {
        this.triggers = target;
        this.windows = owed;
    }

    @Override
    public void put(Schedule schedule) {
        Key key = key(schedule.organizationId(), schedule.jobId());
        for (int attempt = 1; ; attempt++) {
            Optional<Item> current = store.get(key);
            Entry existing = current.map(i -> Items.decode(i, Entry.class)).orElse(null);
            if (existing != null && existing.cron().equals(schedule.cron()) && existing.timezone().equals(schedule.timezone())) {
                return;
            }
            Entry next = new Entry(schedule.organizationId(), schedule.jobId(), schedule.cron(), schedule.timezone(),
                    nextAfter(schedule.cron(), schedule.timezone(), clock.instant()));
            try {
                store.put(item(next, current.map(Item::version).orElse(0L) + 1),
                        current.isPresent() ? Condition.versionIs(current.get().version()) : Condition.notExists());
                return;
            } catch (ConditionFailedException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void delete(String organizationId, String jobId) {
        store.delete(key(organizationId, jobId), Condition.none());
    }

    /** When the job's schedule fires next, or empty when it has none here. */
    public Optional<Instant> nextFireAt(String organizationId, String jobId) {
        return store.get(key(organizationId, jobId)).map(i -> Items.decode(i, Entry.class).nextFireAt());
    }

    /**
     * Fires the ticks due now (each at most once; one too late is skipped), then starts the runs S3
     * triggers owe.
     *
     * @return how many ticks were fired
     */
    public int runDue() {
        TriggerService target = triggers;
        if (target == null) {
            return 0;
        }
        Instant now = clock.instant();
        String due = Keys.auditTime(now);
        int fired = 0;
        String token = null;
        int seen = 0;
        scan:
        do {
            Page<Item> page = store.query(Query.partition(Query.Index.GSI1, DUE, "", PAGE, token));
            for (Item indexed : page.items()) {
                if (indexed.gsi1sk().substring(0, due.length()).compareTo(due) > 0 || ++seen > PER_PASS) {
                    break scan;
                }
                fired += tick(target, indexed.key(), now) ? 1 : 0;
            }
            token = page.nextToken();
        } while (token != null);
        TriggerWindows owed = windows;
        if (owed != null) {
            owed.fireDue(now, PER_PASS);
        }
        return fired;
    }

    /** Fires one due schedule (re-read by its key), then moves it to its next tick after now. */
    private boolean tick(TriggerService target, Key key, Instant now) {
        Optional<Item> current = store.get(key);
        if (current.isEmpty()) {
            return false;
        }
        Entry e = Items.decode(current.get(), Entry.class);
        if (e.nextFireAt() == null || e.nextFireAt().isAfter(now)) {
            return false;
        }
        boolean fire = !e.nextFireAt().plus(MISFIRE).isBefore(now);
        if (fire) {
            try {
                target.onSchedule(e.organizationId(), e.jobId(), e.nextFireAt());
            } catch (RuntimeException failure) {
                // The tick stays due and is fired again next pass (the run's key makes that safe), until too late.
                LOG.log(System.Logger.Level.ERROR, "schedule of job " + e.jobId() + " did not fire for " + e.nextFireAt(),
                        failure);
                return false;
            }
        } else {
            LOG.log(System.Logger.Level.INFO, "schedule of job " + e.jobId() + " skipped the tick of " + e.nextFireAt()
                    + ": the backend was not running then");
        }
        Instant after = now.isAfter(e.nextFireAt()) ? now : e.nextFireAt();
        Entry next = new Entry(e.organizationId(), e.jobId(), e.cron(), e.timezone(), nextAfter(e.cron(), e.timezone(), after));
        try {
            store.put(item(next, current.get().version() + 1), Condition.versionIs(current.get().version()));
        } catch (ConditionFailedException changed) {
            // The schedule was put or deleted meanwhile: that wins.
        }
        return fire;
    }

    /** Looks every second of the backend's clock (at most a second of real time apart) for ticks that are due. */
    public void start() {
        thread = new Thread(this::loop, "lakesail-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            try {
                runDue();
                synchronized (monitor) {
                    monitor.wait(MAX_NAP_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store may be closing or busy: what is due stays due.
                LOG.log(System.Logger.Level.ERROR, "scheduler pass failed", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Instant nextAfter(String cron, String timezone, Instant after) {
        return Crons.next(new JobSchedule(cron, timezone, ScheduleConcurrency.SKIP, 1), after).orElse(null);
    }

    private static Key key(String orgId, String jobId) {
        return Key.of(PARTITION, orgId + "#" + jobId);
    }

    private static Item item(Entry e, long version) {
        Item.Builder item = Items.item(key(e.organizationId(), e.jobId()), "LocalSchedule", version, e);
        if (e.nextFireAt() != null) {
            item.gsi1(DUE, Keys.auditTime(e.nextFireAt()) + "#" + e.organizationId() + "#" + e.jobId());
        }
        return item.build();
    }

    /** One job's schedule and when it fires next (null: never again). */
    public record Entry(String organizationId, String jobId, String cron, String timezone, Instant nextFireAt) {
    }
}
