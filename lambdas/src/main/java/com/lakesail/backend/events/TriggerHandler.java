package com.lakesail.backend.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.di.DaggerTriggerComponent;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.service.trigger.TriggerService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The trigger function: what starts runs by itself on AWS. Two kinds of invocation:
 * <ul>
 * <li>a job's EventBridge Scheduler schedule: {@code {"kind": "schedule", "orgId", "jobId", "scheduledTime"}};
 * <li>an event the rules on the control plane's bus deliver: S3 "Object Created" forwarded from a
 *     customer's account, a LakeSail run reaching a terminal state.
 * </ul>
 * Anything else is refused with an {@link IllegalArgumentException} saying what it lacks.
 */
public final class TriggerHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TriggerService triggers;

    /** Called by the Lambda runtime during init, so the graph is built before SnapStart's snapshot. */
    public TriggerHandler() {
        this(Graph.TRIGGERS);
    }

    TriggerHandler(TriggerService triggers) {
        this.triggers = triggers;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        try {
            event = JSON.readTree(input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a schedule tick nor an EventBridge event: not JSON");
        }
        List<JobRun> runs;
        if (event != null && "schedule".equals(event.path("kind").asText())) {
            runs = triggers.onSchedule(required(event, "orgId"), required(event, "jobId"), scheduledTime(event))
                    .map(List::of).orElse(List.of());
        } else if (event != null && event.path("source").isTextual() && event.path("detail-type").isTextual()
                && event.path("detail").isObject()) {
            runs = triggers.onEvent(event);
        } else {
            throw new IllegalArgumentException("not a schedule tick ({\"kind\": \"schedule\", \"orgId\", \"jobId\", "
                    + "\"scheduledTime\"}) nor an EventBridge event (source, detail-type and detail are required)");
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode ids = answer.putArray("runs");
        runs.forEach(r -> ids.add(r.id()));
        JSON.writeValue(output, answer);
    }

    private static String required(JsonNode event, String field) {
        String value = event.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a schedule tick names " + field);
        }
        return value;
    }

    private static Instant scheduledTime(JsonNode event) {
        try {
            return Instant.parse(required(event, "scheduledTime"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime must be an ISO-8601 instant: " + event.path("scheduledTime"));
        }
    }

    /** Holder idiom: the graph is built on first use, once per container. */
    private static final class Graph {
        static final TriggerService TRIGGERS = DaggerTriggerComponent.create().triggers();
    }
}
