package com.lakesail.backend.domain;

/** An API token is active until revoked; expiry is a property of time, not a stored transition. */
public enum TokenStatus {
    ACTIVE, REVOKED;

    public static final Lifecycle<TokenStatus> LIFECYCLE = Lifecycle.of(TokenStatus.class)
            .allow(ACTIVE, REVOKED)
            .build();
}
