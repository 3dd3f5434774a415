package com.lakesail.backend.service.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.SessionEnding;
import com.lakesail.backend.domain.session.SessionStatus;
import com.lakesail.backend.domain.session.Statement;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.EventsException;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.event.EventOutbox;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.store.SessionItems;
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
 * A session's state changes record their events with the change, and a bus that refuses them fails
 * nothing: the change stands, the event is listed, and a later reconciler pass publishes it once.
 */
class SessionRecordsEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final List<String> published = new ArrayList<>();
    private boolean down;
    private final Events bus = events -> {
        if (down) {
            throw new EventsException("unreachable");
        }
        events.forEach(e -> published.add(e.id()));
    };
    private final EventOutbox outbox = new EventOutbox(store, Optional.of(bus), clock,
            new WorkflowOutbox.Timing(Duration.ofSeconds(60), Duration.ofMinutes(5), 3));
    private final SessionRecords records = new SessionRecords(store, outbox);

    @Test
    void updateSession_whenTheBusIsDown_makesTheChange_andALaterPassPublishesItsEventOnce() {
        open();
        down = true;

        Session active = records.updateSession("org_1", "ses_1", s -> s.opened("sc://localhost:15002", null, clock.instant()));

        assertEquals(SessionStatus.ACTIVE, active.status());
        assertEquals(SessionStatus.ACTIVE, records.session("org_1", "ses_1").status(), "the change stands");
        assertEquals(List.of("evt_ses_1_0000000001"), published, "only the session's creation, before the bus went down");
        assertEquals(List.of("active", "pending"), states(), "listed at once all the same");

        down = false;
        clock.advance(Duration.ofSeconds(61));
        assertEquals(1, outbox.publishDue(clock.instant(), 100));
        assertEquals(0, outbox.publishDue(clock.instant(), 100), "published once");
        assertEquals(List.of("evt_ses_1_0000000001", String.format("evt_ses_1_%010d", active.version())), published);
    }

    @Test
    void updateSession_whenTheStateDoesNotChange_recordsNoEvent_andWhenItDoesPublishesAtOnce() {
        open();
        records.updateSession("org_1", "ses_1", s -> s.opened("sc://localhost:15002", null, clock.instant()));
        records.updateSession("org_1", "ses_1", s -> s.touched(clock.instant()));
        records.updateSession("org_1", "ses_1", s -> s.endingAs(SessionEnding.closed("closed on request", clock.instant()),
                clock.instant()));
        records.updateSession("org_1", "ses_1", s -> s.end(SessionEnding.closed("closed", clock.instant()), clock.instant()));

        assertEquals(List.of("closed", "active", "pending"), states(), "newest first: one event per state change");
        assertEquals(3, published.size(), "each published as it was made");
        Event closed = outbox.list("org_1", "ses_1", false, PageRequest.first()).items().get(0);
        assertEquals("closed on request", closed.detail().get("statusReason"));
    }

    @Test
    void changeStatement_whenTheSessionsLastStatementEnds_recordsItsMoveToIdle_evenWithTheBusDown() {
        open();
        Session active = records.updateSession("org_1", "ses_1", s -> s.opened("sc://localhost:15002", null, clock.instant()));
        Statement statement = Statement.create("stm_1", active, "SELECT 1", null, null, Map.of(), "usr_1", clock.instant());
        store.transact(List.of(SessionRecords.put(statement, Condition.notExists())));
        records.updateSession("org_1", "ses_1", s -> s.submitted("stm_1", clock.instant()));
        down = true;

        SessionRecords.Change change = records.changeStatement("org_1", "stm_1",
                s -> s.cancelled("cancelled on request", clock.instant()), List.of(), clock.instant());

        assertEquals(SessionStatus.IDLE, change.session().status());
        assertEquals(List.of("idle", "active", "pending"), states());
        assertEquals(SessionStatus.IDLE, records.session("org_1", "ses_1").status(), "the change stands");
    }

    private void open() {
        Session session = Session.create("ses_1", "org_1", "mem_1", "usr_1",
                new Session.Definition("clu_1", List.of(), 15, Compute.DEFAULT), clock.instant());
        Event event = records.stateChange(null, session);
        store.transact(List.of(Write.put(SessionItems.session(session), Condition.notExists()), records.record(event)));
        records.published(event);
        assertEquals(List.of("evt_ses_1_0000000001"), published);
    }

    private List<String> states() {
        return outbox.list("org_1", "ses_1", false, PageRequest.first()).items().stream()
                .map(e -> (String) e.detail().get("state")).toList();
    }
}
