package com.lakesail.backend.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.EventsException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@link Events} on the control plane's EventBridge bus: one PutEvents call per batch, with the
 * event's source, detail-type, time and detail. EventBridge gives each its own id; consumers key
 * on the detail (a run and its state), not on the id. PutEvents accepts a batch partly: a batch
 * with any entry refused is an {@link EventsException}, and the whole batch is published again
 * later (the consumers take a repeat as the same event).
 */
public final class EventBridgeEvents implements Events {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<EventBridgeClient> client;
    private final String busName;

    /** @param busName the control plane bus ({@code EVENT_BUS_NAME}) */
    public EventBridgeEvents(Supplier<EventBridgeClient> client, String busName) {
        this.client = client;
        this.busName = busName;
    }

    @Override
    public void publish(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " events per PutEvents call: " + events.size());
        }
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (Event e : events) {
            entries.add(PutEventsRequestEntry.builder().eventBusName(busName).source(e.source()).detailType(e.detailType())
                    .time(e.time()).detail(detail(e)).build());
        }
        PutEventsResponse response;
        try {
            response = eventBridge().putEvents(r -> r.entries(entries));
        } catch (SdkException e) {
            throw new EventsException("PutEvents to " + busName + " failed: " + e.getMessage(), e);
        }
        Integer failed = response.failedEntryCount();
        if (failed != null && failed > 0) {
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < response.entries().size(); i++) {
                PutEventsResultEntry r = response.entries().get(i);
                if (r.errorCode() != null) {
                    errors.add(events.get(i).id() + ": " + r.errorCode() + " " + r.errorMessage());
                }
            }
            throw new EventsException(failed + " of " + events.size() + " events refused by " + busName + ": " + errors);
        }
    }

    private EventBridgeClient eventBridge() {
        return client.get();
    }

    private static String detail(Event e) {
        try {
            return JSON.writeValueAsString(e.detail());
        } catch (JsonProcessingException x) {
            throw new UncheckedIOException(x);
        }
    }
}
