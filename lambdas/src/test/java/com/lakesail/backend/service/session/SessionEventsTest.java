package com.lakesail.backend.service.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.SessionEnding;
import com.lakesail.backend.service.trigger.EventPatterns;
import com.lakesail.backend.service.trigger.TriggerRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event of a session's state change: its shape, its id, and that no run trigger takes it for a run's. */
class SessionEventsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session pending = Session.create("ses_1", "org_1", "mem_1", "usr_1",
            new Session.Definition("clu_1", List.of("cat_1"), 15, Compute.DEFAULT), T0);

    @Test
    void stateChange_whenNew_isPendingWithNoPreviousStateAndNoReason() {
        Event e = SessionEvents.stateChange(null, pending);

        assertEquals("lakesail", e.source());
        assertEquals("LakeSail Session State Change", e.detailType());
        assertEquals("org_1", e.organizationId());
        assertEquals("ses_1", e.resourceId());
        assertNull(e.parentId(), "a session's events are listed by the session alone");
        assertEquals(T0, e.time());
        assertEquals("evt_ses_1_0000000001", e.id());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("organizationId", "org_1");
        expected.put("sessionId", "ses_1");
        expected.put("clusterId", "clu_1");
        expected.put("ownerMemberId", "mem_1");
        expected.put("state", "pending");
        expected.put("previousState", null);
        expected.put("statusReason", null);
        assertEquals(expected, e.detail());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(e.detail().keySet()), "in this order");
    }

    @Test
    void stateChange_whenItsStateMoves_namesBothStatesAtTheChangesTime() {
        Session active = pending.opened("sc://localhost:15002", null, T0.plusSeconds(4));
        Session busy = active.submitted("stm_1", T0.plusSeconds(5));
        Session idle = busy.statementEnded("stm_1", T0.plusSeconds(6));
        Session again = idle.submitted("stm_2", T0.plusSeconds(7));

        Event opened = SessionEvents.stateChange(pending, active);
        assertEquals("active", opened.detail().get("state"));
        assertEquals("pending", opened.detail().get("previousState"));
        assertEquals(T0.plusSeconds(4), opened.time());
        assertNull(SessionEvents.stateChange(active, busy), "a statement sent to an active session changes no state");
        assertEquals(List.of("idle", "active"), List.of(SessionEvents.stateChange(busy, idle).detail().get("state"),
                SessionEvents.stateChange(busy, idle).detail().get("previousState")));
        assertEquals(List.of("active", "idle"), List.of(SessionEvents.stateChange(idle, again).detail().get("state"),
                SessionEvents.stateChange(idle, again).detail().get("previousState")));
        assertNull(SessionEvents.stateChange(idle, idle.touched(T0.plusSeconds(8))), "a token issued is no state change");
    }

    @Test
    void stateChange_whenItEnds_carriesTheReason_butNotWhileTheEndingIsOnlyDecided() {
        Session active = pending.opened("sc://localhost:15002", null, T0.plusSeconds(4)).submitted("stm_1", T0.plusSeconds(5));
        Session closing = active.endingAs(SessionEnding.closed("closed on request by usr_1", T0.plusSeconds(6)),
                T0.plusSeconds(6));
        assertNull(SessionEvents.stateChange(active, closing), "deciding its end is no state change");
        Session idle = closing.statementEnded("stm_1", T0.plusSeconds(7));
        assertNull(SessionEvents.stateChange(closing, idle).detail().get("statusReason"), "it has not ended yet");

        Session closed = idle.end(SessionEnding.closed("closed", T0.plusSeconds(8)), T0.plusSeconds(8));
        Event e = SessionEvents.stateChange(idle, closed);

        assertEquals("closed", e.detail().get("state"));
        assertEquals("idle", e.detail().get("previousState"));
        assertEquals("closed on request by usr_1", e.detail().get("statusReason"), "the decision taken first");
        Session failed = pending.end(SessionEnding.failed("its engine did not start", T0.plusSeconds(9)), T0.plusSeconds(9));
        assertEquals("its engine did not start", SessionEvents.stateChange(pending, failed).detail().get("statusReason"));
    }

    @Test
    void id_isTheSessionAndItsVersion_soItsEventsSortInTheOrderTheyHappened() {
        List<String> ids = new ArrayList<>();
        ids.add(SessionEvents.stateChange(null, pending).id());
        Session s = pending.opened("sc://localhost:15002", null, T0);
        ids.add(SessionEvents.stateChange(pending, s).id());
        for (int i = 0; i < 6; i++) {
            Session busy = s.submitted("stm_" + i, T0);
            Session idle = busy.statementEnded("stm_" + i, T0);
            if (i > 0) {
                ids.add(SessionEvents.stateChange(s, busy).id());
            }
            ids.add(SessionEvents.stateChange(busy, idle).id());
            s = idle;
        }

        assertEquals(14, s.version(), "past version 9");
        assertEquals(List.of("evt_ses_1_0000000001", "evt_ses_1_0000000002"), ids.subList(0, 2));
        assertEquals("evt_ses_1_0000000014", ids.get(ids.size() - 1));
        assertEquals(ids.stream().sorted().toList(), ids, "events that share an instant list in the order they happened");
        assertEquals(SessionEvents.stateChange(null, pending).id(), SessionEvents.stateChange(null, pending).id(),
                "the same change recorded twice is one event");
    }

    @Test
    void aSessionsFailedEvent_isNotTakenByTheRuleThatFeedsJobRunTriggers() {
        Session failed = pending.end(SessionEnding.failed("its engine stopped", T0), T0);
        EventPatterns.Matcher runEnded = new EventPatterns.Matcher().add("TriggerFunction", TriggerRules.RUN_ENDED);

        assertEquals(List.of(), runEnded.matches(envelope(SessionEvents.stateChange(pending, failed))));
        ObjectNode asIfARun = envelope(SessionEvents.stateChange(pending, failed)).put("detail-type", Event.JOB_RUN_STATE_CHANGE);
        assertEquals(List.of("TriggerFunction"), runEnded.matches(asIfARun), "only its detail-type keeps it out");
    }

    /** The event as EventBridge delivers it to a rule's target. */
    private static ObjectNode envelope(Event e) {
        ObjectNode node = JSON.createObjectNode().put("version", "0").put("id", e.id()).put("detail-type", e.detailType())
                .put("source", e.source()).put("time", e.time().toString());
        node.putArray("resources").add(e.resourceId());
        node.set("detail", JSON.valueToTree(e.detail()));
        return node;
    }
}
