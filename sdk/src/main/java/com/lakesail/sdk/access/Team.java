package com.lakesail.sdk.access;

import java.time.Instant;
import java.util.List;

/**
 * A team: role bindings on it apply to every member.
 *
 * @param id the team id, {@code team_...}
 * @param name its name
 * @param memberIds its members
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version pass it to updates
 */
public record Team(String id, String name, List<String> memberIds, Instant createdAt, Instant updatedAt, long version) {

    public Team {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
