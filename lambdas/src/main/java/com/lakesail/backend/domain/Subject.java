package com.lakesail.backend.domain;

/** Who a role binding grants to: a member, or every member of a team. */
public record Subject(Type type, String id) {

    public enum Type {
        MEMBER, TEAM
    }

    public static Subject member(String memberId) {
        return new Subject(Type.MEMBER, memberId);
    }

    public static Subject team(String teamId) {
        return new Subject(Type.TEAM, teamId);
    }
}
