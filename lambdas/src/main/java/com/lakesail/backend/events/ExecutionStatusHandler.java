package com.lakesail.backend.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.di.DaggerEventsComponent;
import com.lakesail.backend.service.ExecutionEnded;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The events function: EventBridge delivers "Step Functions Execution Status Change" events of the
 * lifecycle state machines ({@code detail.status} FAILED, TIMED_OUT or ABORTED, as the rule in
 * template.yaml filters); {@link com.lakesail.backend.service.ExecutionEndings} marks the resource
 * failed (or, for a job run, cleans up and ends it) if no task did. An
 * event of any other shape is refused with an {@link IllegalArgumentException} saying what is
 * missing (EventBridge then retries it and drops it, as the rule's RetryPolicy says).
 */
public final class ExecutionStatusHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutionEnded failures;

    /** Called by the Lambda runtime during init, so the graph is built before SnapStart's snapshot. */
    public ExecutionStatusHandler() {
        this(Graph.FAILURES);
    }

    ExecutionStatusHandler(ExecutionEnded failures) {
        this.failures = failures;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        try {
            event = JSON.readTree(input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Step Functions Execution Status Change event: not JSON");
        }
        JsonNode detail = event == null ? null : event.get("detail");
        if (detail == null || !detail.isObject() || !detail.path("name").isTextual() || !detail.path("status").isTextual()) {
            throw new IllegalArgumentException("not a Step Functions Execution Status Change event: "
                    + "detail.name and detail.status are required");
        }
        // stopDate: epoch milliseconds, as EventBridge's Step Functions events carry it.
        Instant stoppedAt = detail.path("stopDate").isNumber() ? Instant.ofEpochMilli(detail.path("stopDate").asLong()) : null;
        boolean marked = failures.executionEnded(detail.path("name").asText(null), detail.path("status").asText(""),
                detail.path("input").asText(null), detail.path("error").asText(null), detail.path("cause").asText(null),
                stoppedAt);
        JSON.writeValue(output, JSON.createObjectNode().put("marked", marked));
    }

    /** Holder idiom: the graph is built on first use, once per container. */
    private static final class Graph {
        static final ExecutionEnded FAILURES = DaggerEventsComponent.create().executionEndings();
    }
}
