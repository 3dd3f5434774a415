package com.lakesail.backend.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.port.EventsException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bus adapter against a PutEvents fake held to the documented API. */
class EventBridgeEventsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final FakeEventBridge eventBridge = new FakeEventBridge();
    private final EventBridgeEvents events = new EventBridgeEvents(() -> eventBridge, "lakesail-prod");

    @Test
    void publish_whenAccepted_putsSourceDetailTypeTimeAndDetailOnTheBus() throws Exception {
        events.publish(List.of(event("evt_1", "running")));

        assertEquals(1, eventBridge.accepted.size());
        var entry = eventBridge.accepted.get(0);
        assertEquals("lakesail-prod", entry.eventBusName());
        assertEquals(Event.SOURCE, entry.source());
        assertEquals(Event.JOB_RUN_STATE_CHANGE, entry.detailType());
        assertEquals(T0, entry.time());
        JsonNode detail = new ObjectMapper().readTree(entry.detail());
        assertEquals("running", detail.path("state").asText());
        assertEquals("creating_runner", detail.path("previousState").asText());
        assertTrue(detail.has("termination") && detail.path("termination").isNull(), detail.toString());
    }

    @Test
    void publish_whenAnEntryIsRefused_failsSoTheBatchIsPublishedAgain() {
        eventBridge.refuseDetailType = Event.JOB_RUN_STATE_CHANGE;
        EventsException e = assertThrows(EventsException.class, () -> events.publish(List.of(event("evt_1", "running"))));
        assertTrue(e.getMessage().contains("evt_1: InternalFailure"), e.getMessage());
    }

    @Test
    void publish_whenEventBridgeIsUnreachable_failsWithItsMessage() {
        eventBridge.nextFailure = FakeEventBridge.unavailable();
        assertThrows(EventsException.class, () -> events.publish(List.of(event("evt_1", "running"))));
        events.publish(List.of(event("evt_2", "running")));
        assertEquals(1, eventBridge.accepted.size());
    }

    private static Event event(String id, String state) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("organizationId", "org_1");
        detail.put("jobId", "job_1");
        detail.put("runId", "jrn_1");
        detail.put("versionNumber", 1);
        detail.put("state", state);
        detail.put("previousState", "creating_runner");
        detail.put("termination", null);
        return new Event(id, Event.SOURCE, Event.JOB_RUN_STATE_CHANGE, "org_1", "jrn_1", "job_1", T0, detail);
    }
}
