package com.lakesail.backend.domain;

import java.util.EnumSet;
import java.util.Set;

/** Roles every organization has. The creator of an organization is its {@link #OWNER}. */
public enum BuiltInRole {
    OWNER(EnumSet.allOf(Permission.class)),
    VIEWER(EnumSet.of(Permission.ORGANIZATIONS_READ));

    private final Set<Permission> permissions;

    BuiltInRole(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public String id() {
        return Wire.name(this);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }
}
