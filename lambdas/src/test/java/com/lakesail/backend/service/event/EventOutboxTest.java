package com.lakesail.backend.service.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.EventsException;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Events are published once committed; one the bus refused is published again by a later pass, never lost.
 * A host without a bus (the API function) leaves them queued for its runs' next task and the reconciler.
 */
class EventOutboxTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final List<String> published = new ArrayList<>();
    private boolean down;
    private final Events bus = events -> {
        if (down) {
            throw new EventsException("unreachable");
        }
        events.forEach(e -> published.add(e.id()));
    };
    private final WorkflowOutbox.Timing timing = new WorkflowOutbox.Timing(Duration.ofSeconds(60), Duration.ofMinutes(5), 3);
    private final EventOutbox outbox = new EventOutbox(store, Optional.of(bus), clock, timing);
    private final EventOutbox withoutBus = new EventOutbox(store, Optional.empty(), clock, timing);

    @Test
    void publishCommitted_whenTheBusIsDown_leavesTheEventForALaterPassWhichPublishesItOnce() {
        Event event = event("evt_1");
        store.transact(List.of(outbox.record(event)));
        down = true;
        outbox.publishCommitted(List.of(event));
        assertEquals(List.of(), published, "not published, and no exception: the change stands");

        down = false;
        assertEquals(0, outbox.publishDue(clock.instant(), 100), "inside the grace the fast path may still be on its way");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(1, outbox.publishDue(clock.instant(), 100));
        assertEquals(0, outbox.publishDue(clock.instant(), 100), "settled: published once");
        assertEquals(List.of("evt_1"), published);
    }

    @Test
    void publishCommitted_whenTheBusTakesIt_settlesItSoNoPassPublishesItAgain() {
        Event event = event("evt_2");
        store.transact(List.of(outbox.record(event)));
        outbox.publishCommitted(List.of(event));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, outbox.publishDue(clock.instant(), 100));
        assertEquals(List.of("evt_2"), published);
        assertEquals(List.of("evt_2"), outbox.list("org_1", "jrn_1", false, PageRequest.first()).items().stream()
                .map(Event::id).toList());
        assertEquals(1, outbox.list("org_1", "job_1", true, PageRequest.first()).items().size());
        assertEquals(0, outbox.list("org_2", "jrn_1", false, PageRequest.first()).items().size(), "another organization's");
    }

    @Test
    void publishCommitted_whenTheHostHasNoBus_leavesTheEventQueuedAndDueAtOnce() {
        Event event = event("evt_4");
        store.transact(List.of(withoutBus.record(event)));
        withoutBus.publishCommitted(List.of(event));
        assertEquals(List.of(), published);
        assertEquals(List.of("evt_4"), withoutBus.list("org_1", "jrn_1", false, PageRequest.first()).items().stream()
                .map(Event::id).toList(), "listed at once, published or not");

        assertEquals(1, outbox.publishDue(clock.instant(), 100), "no fast path is on its way: the next pass publishes it");
        assertEquals(List.of("evt_4"), published);
        assertThrows(IllegalStateException.class, () -> withoutBus.publishDue(clock.instant(), 100),
                "a host without a bus runs no reconciler pass");
    }

    @Test
    void publishQueued_whenAHostWithoutABusRecordedEvents_publishesTheResourcesQueuedEventsOnceInOrder() {
        Event first = event("evt_5");
        clock.advance(Duration.ofSeconds(1));
        Event second = event("evt_6");
        Event settled = event("evt_7");
        store.transact(List.of(outbox.record(settled)));
        outbox.publishCommitted(List.of(settled));
        store.transact(List.of(withoutBus.record(second), withoutBus.record(first)));
        Event otherRun = new Event("evt_8", Event.SOURCE, Event.JOB_RUN_STATE_CHANGE, "org_1", "jrn_2", "job_1",
                clock.instant(), Map.of("state", "pending"));
        store.transact(List.of(withoutBus.record(otherRun)));

        withoutBus.publishQueued("org_1", "jrn_1");
        assertEquals(List.of("evt_7"), published, "a host without a bus publishes nothing");
        outbox.publishQueued("org_1", "jrn_1");
        assertEquals(List.of("evt_7", "evt_5", "evt_6"), published, "the run's queued events, oldest first; not another run's");
        outbox.publishQueued("org_1", "jrn_1");
        assertEquals(1, outbox.publishDue(clock.instant(), 100), "only the other run's is left for the pass");
        assertEquals(List.of("evt_7", "evt_5", "evt_6", "evt_8"), published);
    }

    @Test
    void publishQueued_whenTheBusIsDown_leavesThemQueuedForTheNextPass() {
        Event event = event("evt_9");
        store.transact(List.of(withoutBus.record(event)));
        down = true;
        outbox.publishQueued("org_1", "jrn_1");
        down = false;
        assertEquals(List.of(), published);
        assertEquals(1, outbox.publishDue(clock.instant(), 100));
        assertEquals(List.of("evt_9"), published);
    }

    @Test
    void list_whenAnEventIsPastItsRetention_leavesItOut() {
        Event event = event("evt_3");
        store.transact(List.of(outbox.record(event)));
        clock.advance(EventOutbox.RETENTION.plusSeconds(1));
        assertEquals(0, outbox.list("org_1", "jrn_1", false, PageRequest.first()).items().size());
    }

    private Event event(String id) {
        return new Event(id, Event.SOURCE, Event.JOB_RUN_STATE_CHANGE, "org_1", "jrn_1", "job_1", clock.instant(),
                Map.of("state", "running"));
    }
}
