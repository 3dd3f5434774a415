package com.lakesail.sdk.access;

/**
 * Who a role binding grants to: a member or a team.
 *
 * @param type member or team
 * @param id the member or team id
 */
public record Subject(SubjectType type, String id) {

    public static Subject member(String memberId) {
        return new Subject(SubjectType.MEMBER, memberId);
    }

    public static Subject team(String teamId) {
        return new Subject(SubjectType.TEAM, teamId);
    }
}
