package com.lakesail.sdk.access;

import java.time.Instant;
import java.util.List;

/**
 * A role: a named set of {@code resource:action} permissions, built in or custom.
 *
 * @param id {@code owner}, {@code admin}, {@code infra-admin}, {@code developer}, {@code analyst}, {@code viewer}, or {@code role_...}
 * @param name its name
 * @param description what it is for
 * @param builtIn true for the built-in roles, which never change
 * @param permissions its permissions
 * @param createdAt when a custom role was created; null for built-ins
 * @param updatedAt when a custom role last changed; null for built-ins
 * @param version a custom role's version; null for built-ins
 */
public record Role(String id, String name, String description, boolean builtIn, List<String> permissions, Instant createdAt, Instant updatedAt, Long version) {

    public Role {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
