package com.lakesail.sdk.access;

import java.time.Instant;

/**
 * A role granted to a subject, organization-wide or on one resource.
 *
 * @param id the binding id, {@code rb_...}
 * @param roleId the role
 * @param subject who holds it
 * @param scope the resource it is limited to, or null for the whole organization
 * @param createdAt when it was made
 * @param createdBy the granter's member id
 */
public record RoleBinding(String id, String roleId, Subject subject, String scope, Instant createdAt, String createdBy) {

}
