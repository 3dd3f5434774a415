package com.lakesail.backend.domain;

import java.time.Instant;

/** A person, identified by a unique email; may be a member of several organizations. */
public record User(String id, String email, String name, Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "usr";
}
