package com.lakesail.backend.domain;

/**
 * The permission catalogue: one {@code resource:action} per operation. Built-in roles are sets of
 * these (see {@link BuiltInRole}).
 */
public enum Permission {
    ORGANIZATIONS_READ("organizations:read"),
    ORGANIZATIONS_UPDATE("organizations:update");

    private final String wire;

    Permission(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
