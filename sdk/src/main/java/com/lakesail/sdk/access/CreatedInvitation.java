package com.lakesail.sdk.access;

/**
 * An invitation just created, and its secret token: send the token to the invitee, who accepts
 * with {@code invitations().accept(token)}. It is shown only here; {@link #toString()} masks it.
 *
 * @param invitation the invitation
 * @param token the single-use secret, {@code lsi_...}
 */
public record CreatedInvitation(Invitation invitation, String token) {

    @Override
    public String toString() {
        return "CreatedInvitation[invitation=" + invitation + ", token=" + (token == null ? null : "*** (hidden)") + "]";
    }
}
