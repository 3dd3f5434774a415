package com.lakesail.sdk.access;

import java.time.Instant;
import java.util.List;

/**
 * An invitation into an organization. Its secret token is shown only when it is created ({@link CreatedInvitation}).
 *
 * @param id the invitation id, {@code inv_...}
 * @param organizationId the organization
 * @param email the invited email
 * @param status pending, accepted, revoked or expired
 * @param roleIds roles the member gets
 * @param teamIds teams the member joins
 * @param invitedBy the inviter's member id
 * @param createdAt when it was made
 * @param expiresAt when it stops working
 * @param acceptedAt when it was accepted, or null
 * @param revokedAt when it was revoked, or null
 * @param memberId the member it created, or null
 * @param version increases on every change
 */
public record Invitation(String id, String organizationId, String email, InvitationStatus status, List<String> roleIds, List<String> teamIds, String invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt, String memberId, long version) {

    public Invitation {
        roleIds = roleIds == null ? List.of() : List.copyOf(roleIds);
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
    }
}
