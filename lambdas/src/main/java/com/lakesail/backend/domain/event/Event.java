package com.lakesail.backend.domain.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A state change LakeSail publishes (DESIGN §11): the same JSON on the control plane's EventBridge
 * bus and on the local backend's embedded bus, kept per organization for a while so
 * {@code GET .../events?resource=} can list it.
 *
 * <pre>{@code
 * {"id": "evt_...", "source": "lakesail", "detail-type": "LakeSail Job Run State Change",
 *  "time": "...", "resources": ["jrn_..."],
 *  "detail": {"organizationId": ..., "jobId": ..., "runId": ..., "versionNumber": 1,
 *             "state": "running", "previousState": "creating_runner", "termination": null}}
 *
 * {"id": "evt_...", "source": "lakesail", "detail-type": "LakeSail Session State Change",
 *  "time": "...", "resources": ["ses_..."],
 *  "detail": {"organizationId": ..., "sessionId": ..., "clusterId": ..., "ownerMemberId": ...,
 *             "state": "idle", "previousState": "active", "statusReason": null}}
 * }</pre>
 *
 * @param resourceId the object whose state changed (a run, a session)
 * @param parentId   what it belongs to, so a listing of that lists it too (a run's job), or null
 * @param detail     JSON-shaped values: strings, numbers, booleans, nulls, maps and lists of them
 */
public record Event(String id, String source, String detailType, String organizationId, String resourceId,
                    String parentId, Instant time, Map<String, Object> detail) {
    /** The source of every event LakeSail itself publishes. */
    public static final String SOURCE = "lakesail";
    public static final String JOB_RUN_STATE_CHANGE = "LakeSail Job Run State Change";
    public static final String SESSION_STATE_CHANGE = "LakeSail Session State Change";
    public static final String ID_PREFIX = "evt";

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(time, "time");
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }
}
