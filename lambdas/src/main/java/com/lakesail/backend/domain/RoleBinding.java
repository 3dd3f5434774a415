package com.lakesail.backend.domain;

import java.time.Instant;

/**
 * Grants a role to a subject. Bindings are immutable: to change one, delete it and create another.
 *
 * @param scope the resource id the grant is limited to, covering everything that lives under it;
 *              null for the whole organization
 * @param createdBy the member id of the granter
 */
public record RoleBinding(String id, String roleId, Subject subject, String scope, Instant createdAt, String createdBy) {
    public static final String ID_PREFIX = "rb";

    public boolean organizationWide() {
        return scope == null;
    }
}
