package com.lakesail.backend.domain;

import java.time.Instant;
import java.util.List;

/**
 * An invitation of an email into an organization, with the roles (bound organization-wide) and teams
 * the new member gets. The secret is shown once, at creation; only its SHA-256 hash is stored.
 *
 * @param invitedBy  the member id of the inviter
 * @param memberId   the member created by accepting it, or null
 */
public record Invitation(String id, String organizationId, String email, List<String> roleIds, List<String> teamIds,
                         InvitationStatus status, String secretHash, String invitedBy, Instant createdAt,
                         Instant expiresAt, Instant acceptedAt, Instant revokedAt, String memberId, long version) {
    public static final String ID_PREFIX = "inv";
    /** Invitation secrets start with this, so one is never mistaken for an API token. */
    public static final String SECRET_PREFIX = "lsi_";
    public static final int DEFAULT_EXPIRY_DAYS = 7;
    public static final int MAX_EXPIRY_DAYS = 30;

    public Invitation {
        roleIds = List.copyOf(roleIds);
        teamIds = List.copyOf(teamIds);
    }

    /** The status as the caller sees it at {@code now}: a pending invitation past its expiry is expired. */
    public InvitationStatus statusAt(Instant now) {
        return status == InvitationStatus.PENDING && !now.isBefore(expiresAt) ? InvitationStatus.EXPIRED : status;
    }

    /** This invitation with the status as seen at {@code now}, for display; never stored. */
    public Invitation asSeenAt(Instant now) {
        return new Invitation(id, organizationId, email, roleIds, teamIds, statusAt(now), secretHash, invitedBy, createdAt,
                expiresAt, acceptedAt, revokedAt, memberId, version);
    }

    public Invitation accept(String newMemberId, Instant at) {
        InvitationStatus.LIFECYCLE.check(status, InvitationStatus.ACCEPTED);
        return new Invitation(id, organizationId, email, roleIds, teamIds, InvitationStatus.ACCEPTED, secretHash, invitedBy,
                createdAt, expiresAt, at, null, newMemberId, version + 1);
    }

    public Invitation revoke(Instant at) {
        InvitationStatus.LIFECYCLE.check(status, InvitationStatus.REVOKED);
        return new Invitation(id, organizationId, email, roleIds, teamIds, InvitationStatus.REVOKED, secretHash, invitedBy,
                createdAt, expiresAt, null, at, null, version + 1);
    }
}
