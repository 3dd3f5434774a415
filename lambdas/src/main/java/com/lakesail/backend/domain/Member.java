package com.lakesail.backend.domain;

import java.time.Instant;
import java.util.List;

/**
 * The organization-scoped link between a user and an organization.
 *
 * @param roles the ids of the roles bound to the member directly (not through a team), for display
 */
public record Member(String id, String organizationId, String userId, String email, List<String> roles,
                     Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "mem";

    public Member {
        roles = List.copyOf(roles);
    }

    public Member withRoles(List<String> newRoles, Instant at) {
        return new Member(id, organizationId, userId, email, newRoles, createdAt, at, version + 1);
    }
}
