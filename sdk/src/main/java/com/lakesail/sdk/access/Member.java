package com.lakesail.sdk.access;

import java.time.Instant;
import java.util.List;

/**
 * A member of an organization: the link between a user and the organization.
 *
 * @param id the member id, {@code mem_...}
 * @param organizationId its organization
 * @param userId the user
 * @param email the user's email
 * @param roles ids of the roles bound to the member directly (not through teams)
 * @param createdAt when it joined
 * @param updatedAt when it last changed
 * @param version increases on every change
 */
public record Member(String id, String organizationId, String userId, String email, List<String> roles, Instant createdAt, Instant updatedAt, long version) {

    public Member {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
