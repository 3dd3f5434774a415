package com.lakesail.backend.domain;

import java.time.Instant;
import java.util.List;

/** The organization-scoped link between a user and an organization, with the roles bound to it. */
public record Member(String id, String organizationId, String userId, String email, List<String> roles,
                     Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "mem";

    public Member {
        roles = List.copyOf(roles);
    }
}
