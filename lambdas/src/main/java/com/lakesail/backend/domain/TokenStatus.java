package com.lakesail.backend.domain;

/**
 * An API token is active until revoked. Expiry is a property of time, not a stored transition:
 * {@link #EXPIRED} is how an active token past its {@code expiresAt} is shown, and is never stored.
 */
public enum TokenStatus {
    ACTIVE, REVOKED, EXPIRED;

    public static final Lifecycle<TokenStatus> LIFECYCLE = Lifecycle.of(TokenStatus.class)
            .allow(ACTIVE, REVOKED)
            .build();
}
