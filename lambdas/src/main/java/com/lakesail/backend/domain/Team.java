package com.lakesail.backend.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A named group of members of one organization; role bindings on a team apply to all its members. */
public record Team(String id, String name, Set<String> memberIds, Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "team";

    public Team {
        memberIds = Collections.unmodifiableSet(new TreeSet<>(memberIds == null ? Set.of() : memberIds));
    }

    public Team rename(String newName, Instant at) {
        return new Team(id, newName, memberIds, createdAt, at, version + 1);
    }

    public Team withMember(String memberId, Instant at) {
        Set<String> members = new TreeSet<>(memberIds);
        members.add(memberId);
        return new Team(id, name, members, createdAt, at, version + 1);
    }

    public Team withoutMember(String memberId, Instant at) {
        Set<String> members = new TreeSet<>(memberIds);
        members.remove(memberId);
        return new Team(id, name, members, createdAt, at, version + 1);
    }
}
