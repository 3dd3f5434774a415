package com.lakesail.sdk.access;

import java.util.List;

/**
 * Invites an email into the organization with roles (bound organization-wide) and teams.
 * The caller must be able to grant them all.
 *
 * <pre>{@code
 * CreatedInvitation invitation = lakesail.invitations()
 *     .create(r -> r.email("bob@example.com").roleIds(List.of("developer")).teamIds(List.of(team.id())));
 * mailer.send("bob@example.com", invitation.token());
 * }</pre>
 *
 * @param email the invitee's email; it must sign in with this email to accept
 * @param roleIds roles to bind to the new member; null for none
 * @param teamIds teams the new member joins; null for none
 * @param expiresInDays days until the invitation expires, 1 to 30; null for 7
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateInvitationRequest(String email, List<String> roleIds, List<String> teamIds, Integer expiresInDays, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().email(email).roleIds(roleIds).teamIds(teamIds).expiresInDays(expiresInDays).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateInvitationRequest}. */
    public static final class Builder {
        private String email;
        private List<String> roleIds;
        private List<String> teamIds;
        private Integer expiresInDays;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder roleIds(List<String> roleIds) {
            this.roleIds = roleIds;
            return this;
        }

        public Builder teamIds(List<String> teamIds) {
            this.teamIds = teamIds;
            return this;
        }

        public Builder expiresInDays(Integer expiresInDays) {
            this.expiresInDays = expiresInDays;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateInvitationRequest build() {
            return new CreateInvitationRequest(email, roleIds, teamIds, expiresInDays, idempotencyKey);
        }
    }
}
