package com.lakesail.local.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.EventsException;
import com.lakesail.backend.service.trigger.EventPatterns;
import com.lakesail.backend.service.trigger.TriggerRules;
import com.lakesail.backend.service.trigger.TriggerService;
import java.util.List;

/**
 * The control plane's EventBridge bus, locally: events are EventBridge's JSON envelope, and the rules
 * template.yaml puts on the bus for the trigger function ({@link TriggerRules}) are matched by Event
 * Ruler and delivered to the same {@link TriggerService}, in the publisher's thread. A delivery that
 * fails is a failed publish: the event stays queued and a reconciler pass delivers it again.
 *
 * <pre>{@code
 * bus.put(envelope);                // what the local bucket folder's watcher does for a new file
 * }</pre>
 */
public final class EmbeddedEventBus implements Events {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIGGER_FUNCTION = "TriggerFunction";

    private final EventPatterns.Matcher rules = new EventPatterns.Matcher()
            .add(TRIGGER_FUNCTION, TriggerRules.OBJECT_CREATED)
            .add(TRIGGER_FUNCTION, TriggerRules.RUN_ENDED);
    private volatile TriggerService triggers;

    /** Connects the bus's rules to their target, once the backend's graph is built. */
    public void connect(TriggerService target) {
        this.triggers = target;
    }

    @Override
    public void publish(List<Event> events) {
        for (Event e : events) {
            put(envelope(e));
        }
    }

    /**
     * Puts an event (EventBridge's envelope) on the bus: the trigger rules that match it deliver it.
     *
     * @throws EventsException when its delivery failed
     */
    public void put(JsonNode envelope) {
        TriggerService target = triggers;
        if (target == null || rules.matches(envelope).isEmpty()) {
            return;
        }
        try {
            target.onEvent(envelope);
        } catch (RuntimeException e) {
            throw new EventsException("delivering event " + envelope.path("id").asText() + " failed: " + e.getMessage(), e);
        }
    }

    /** The event as EventBridge delivers it to a rule's target. */
    static ObjectNode envelope(Event e) {
        ObjectNode node = JSON.createObjectNode().put("version", "0").put("id", e.id()).put("detail-type", e.detailType())
                .put("source", e.source()).put("time", e.time().toString()).put("region", "local");
        node.putArray("resources").add(e.resourceId());
        node.set("detail", JSON.valueToTree(e.detail()));
        return node;
    }
}
