package com.lakesail.backend.domain;

import java.time.Instant;

/**
 * One entry of an organization's audit log: who did what to which resource, when, in which request,
 * and whether it was allowed. Successful mutations are written in the transaction of the change;
 * refusals by the authorizer are written on their own.
 *
 * @param action    the permission exercised, {@code resource:action}
 * @param targetId  the id of the resource acted on (the organization for organization-wide acts)
 * @param requestId the API request, or null for changes made outside a request (local bootstrap)
 * @param reason    why it was refused; null on success
 */
public record AuditEvent(String id, String organizationId, Instant time, String actorUserId, String action,
                         String targetId, String requestId, Outcome outcome, String reason) {
    public static final String ID_PREFIX = "aud";

    public enum Outcome {
        SUCCESS, DENIED
    }
}
