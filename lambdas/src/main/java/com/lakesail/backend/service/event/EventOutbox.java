package com.lakesail.backend.service.event;

import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.store.EventItems;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Publishes state-change events so that none is lost and none holds up the change it reports. The
 * event is written in the transaction that makes the change (it is also what {@code GET .../events}
 * lists, for {@link #RETENTION}), then published right after the commit; a publish that fails, or a
 * death before it, leaves the event in the publish queue, and every reconciler pass publishes what
 * is due there again. A failed publish is logged and never thrown: the change it reports stands.
 *
 * <p>A host whose graph has no {@link Events} (the API function, which keeps EventBridge's SDK out of
 * its package) records events due at once and publishes none: most changes the API makes to a run's or
 * a session's state (creating it, cancelling a run before it has compute, closing a session) are
 * followed by the end of a task of its workflow, and that task publishes what its resource left queued
 * ({@link #publishQueued}); the next reconciler pass publishes whatever is still left (a session's moves
 * between active and idle, which no task follows).
 *
 * <pre>{@code
 * Event event = ...;                      // e.g. JobRunEvents.stateChange(...)
 * writes.add(outbox.record(event));       // in the transaction that makes the change
 * store.transact(writes);
 * outbox.publishCommitted(List.of(event)); // after the commit; never throws
 * }</pre>
 */
public final class EventOutbox {
    /** How long events stay listable. */
    public static final Duration RETENTION = Duration.ofDays(14);
    /** Queue entries read per index page. */
    private static final int PAGE = 100;
    private static final System.Logger LOG = System.getLogger(EventOutbox.class.getName());

    private final Store store;
    private final Optional<Events> events;
    private final Clock clock;
    private final WorkflowOutbox.Timing timing;

    /** @param events the bus; empty on a host that leaves publishing to the task function and the reconciler */
    @Inject
    public EventOutbox(Store store, Optional<Events> events, Clock clock, WorkflowOutbox.Timing timing) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.timing = timing;
    }

    /** The event's item, to write in the transaction that makes the change it reports. */
    public Write record(Event event) {
        Instant due = events.isPresent() ? clock.instant().plus(timing.startGrace()) : clock.instant();
        return Write.put(EventItems.pending(event, due, expiresAt(event)), Condition.notExists());
    }

    /**
     * Publishes committed events now; whatever the bus does not take stays queued for a reconciler pass.
     * Without a bus, all of them stay queued.
     */
    public void publishCommitted(List<Event> committed) {
        if (events.isEmpty()) {
            return;
        }
        for (int from = 0; from < committed.size(); from += Events.MAX_BATCH) {
            List<Event> batch = committed.subList(from, Math.min(committed.size(), from + Events.MAX_BATCH));
            try {
                events.get().publish(batch);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "events " + batch.stream().map(Event::id).toList()
                        + " not published; a reconciler pass will publish them again", e);
                continue;
            }
            batch.forEach(this::settle);
        }
    }

    /**
     * Publishes the events of {@code resourceId} still queued, oldest first, whenever they are due: those
     * a host without a bus recorded (or a failed publish left). Never throws; what fails stays queued.
     */
    public void publishQueued(String orgId, String resourceId) {
        if (events.isEmpty()) {
            return;
        }
        List<Event> queued = new ArrayList<>();
        try {
            String token = null;
            do {
                // The table (not an index): read consistently, so a change committed before this call is seen.
                Page<Item> page = store.query(Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId),
                        EventItems.resourcePrefix(resourceId), PAGE, token));
                page.items().stream().filter(EventOutbox::queued).map(EventItems::event).forEach(queued::add);
                token = page.nextToken();
            } while (token != null);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "queued events of " + resourceId
                    + " not read; a reconciler pass will publish them", e);
            return;
        }
        publishCommitted(queued);
    }

    /**
     * Publishes the queued events due by {@code asOf} (at most {@code limit}), in due order per shard.
     *
     * @return how many were published
     * @throws IllegalStateException on a host without a bus
     */
    public int publishDue(Instant asOf, int limit) {
        Events bus = bus();
        String due = Keys.auditTime(asOf);
        int seen = 0;
        int published = 0;
        for (int shard = 0; shard < EventItems.SHARDS && seen < limit; shard++) {
            String token = null;
            shard:
            do {
                Page<Item> page = store.query(Query.partition(Query.Index.GSI2, EventItems.queuePartition(shard), "",
                        Math.min(PAGE, limit - seen), token));
                for (Item queued : page.items()) {
                    if (queued.gsi2sk().substring(0, due.length()).compareTo(due) > 0) {
                        break shard;
                    }
                    seen++;
                    published += republish(bus, queued) ? 1 : 0;
                }
                token = page.nextToken();
            } while (token != null && seen < limit);
        }
        return published;
    }

    /** One resource's events, newest first: a run's own, or (for a job) those of all its runs. */
    public Page<Event> list(String orgId, String resourceId, boolean asParent, PageRequest page) {
        Query query = asParent
                ? Query.partition(Query.Index.GSI1, EventItems.ofParent(orgId, resourceId), "", page.limit(), page.nextToken())
                : Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), EventItems.resourcePrefix(resourceId),
                page.limit(), page.nextToken());
        // DynamoDB deletes expired items within days, SQLite never: past its retention an event is gone either way.
        long now = clock.instant().getEpochSecond();
        Page<Item> items = store.query(query.descending(true));
        return new Page<>(items.items().stream().filter(i -> !i.expiredAt(now)).map(EventItems::event).toList(),
                items.nextToken());
    }

    private boolean republish(Events bus, Item queued) {
        try {
            // The index copy may be stale: only an event still queued is published again.
            Optional<Item> current = store.get(queued.key());
            if (current.isEmpty() || !queued(current.get())) {
                return false;
            }
            Event event = EventItems.event(current.get());
            bus.publish(List.of(event));
            settle(event);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "queued event " + queued.key() + " not published; it stays queued", e);
            return false;
        }
    }

    private static boolean queued(Item event) {
        return event.gsi2pk() != null;
    }

    private Events bus() {
        return events.orElseThrow(() -> new IllegalStateException("no event bus on this host"));
    }

    private void settle(Event event) {
        try {
            store.put(EventItems.published(event, expiresAt(event)), Condition.versionIs(1));
        } catch (ConditionFailedException e) {
            // Another pass settled it first.
        } catch (RuntimeException e) {
            // Left queued, it is only published once more: consumers take each event once.
            LOG.log(System.Logger.Level.WARNING, "event " + event.id() + " published but not settled", e);
        }
    }

    private static Instant expiresAt(Event event) {
        return event.time().plus(RETENTION);
    }
}
