package com.lakesail.backend.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A named set of permissions. Built-in roles ({@link BuiltInRole}) exist in every organization and
 * never change; custom roles belong to one organization and carry a version.
 */
public record Role(String id, String name, String description, Set<Permission> permissions, boolean builtIn,
                   Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "role";

    public Role {
        permissions = Collections.unmodifiableSet(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    /** Built once: permission checks look built-in roles up on every request. */
    private static final Map<BuiltInRole, Role> BUILT_IN = builtIns();

    public static Role of(BuiltInRole role) {
        return BUILT_IN.get(role);
    }

    private static Map<BuiltInRole, Role> builtIns() {
        Map<BuiltInRole, Role> roles = new EnumMap<>(BuiltInRole.class);
        for (BuiltInRole role : BuiltInRole.values()) {
            roles.put(role, new Role(role.id(), role.id(), role.description(), role.permissions(), true, null, null, 0));
        }
        return Collections.unmodifiableMap(roles);
    }

    public Role update(String newName, String newDescription, Set<Permission> newPermissions, Instant at) {
        return new Role(id, newName, newDescription, newPermissions, false, createdAt, at, version + 1);
    }
}
