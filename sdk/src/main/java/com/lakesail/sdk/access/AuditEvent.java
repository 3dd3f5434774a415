package com.lakesail.sdk.access;

import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param id the event id
 * @param time when it happened
 * @param actorId the user who acted
 * @param action the permission exercised, {@code resource:action}
 * @param targetId the resource acted on
 * @param requestId the API request, or null
 * @param outcome success or denied
 * @param reason why it was denied, or null
 */
public record AuditEvent(String id, Instant time, String actorId, String action, String targetId, String requestId, AuditOutcome outcome, String reason) {

}
