package com.lakesail.sdk.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A state change as LakeSail publishes it (to the control plane's EventBridge bus; locally, to the
 * embedded bus), kept 14 days.
 *
 * <pre>{@code
 * for (Event e : lakesail.events().list(run.id())) {
 *     System.out.println(e.time() + " " + e.detail().get("previousState") + " → " + e.detail().get("state"));
 * }
 * }</pre>
 *
 * @param detailType {@code LakeSail Job Run State Change} or {@code LakeSail Session State Change}
 * @param resources  the resource whose state changed
 * @param detail     for a run: organizationId, jobId, runId, versionNumber, state, previousState (null for a new
 *                   run), termination ({code, type, message}; null until it ended) and trigger; for a session:
 *                   organizationId, sessionId, clusterId, ownerMemberId, state, previousState (null for a new
 *                   session) and statusReason (why it ended; null until it has)
 */
public record Event(String id, String source, String detailType, Instant time, List<String> resources,
        Map<String, Object> detail) {

    public Event {
        resources = resources == null ? List.of() : List.copyOf(resources);
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    /** The state the resource entered ({@code detail.state}). */
    public String state() {
        Object state = detail.get("state");
        return state == null ? null : state.toString();
    }

    /** The state it left ({@code detail.previousState}); null for a new resource. */
    public String previousState() {
        Object previous = detail.get("previousState");
        return previous == null ? null : previous.toString();
    }
}
