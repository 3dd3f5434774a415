package com.lakesail.backend.domain;

import java.time.Instant;

/** The tenant: every other object belongs to exactly one organization. */
public record Organization(String id, String name, Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "org";

    public Organization rename(String newName, Instant at) {
        return new Organization(id, newName, createdAt, at, version + 1);
    }
}
