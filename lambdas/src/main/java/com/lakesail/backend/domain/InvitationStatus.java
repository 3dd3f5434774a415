package com.lakesail.backend.domain;

/**
 * An invitation is pending until accepted (once) or revoked. Expiry is a property of time: a pending
 * invitation past its {@code expiresAt} is shown as {@link #EXPIRED} but never stored as such.
 */
public enum InvitationStatus {
    PENDING, ACCEPTED, REVOKED, EXPIRED;

    public static final Lifecycle<InvitationStatus> LIFECYCLE = Lifecycle.of(InvitationStatus.class)
            .allow(PENDING, ACCEPTED, REVOKED)
            .build();
}
