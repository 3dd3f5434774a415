package com.lakesail.backend.domain;

import java.time.Instant;

/**
 * A user's API token. The secret is shown once at creation; only its SHA-256 hash is stored.
 *
 * @param prefix the first characters of the secret, so a user can tell tokens apart
 */
public record ApiToken(String id, String userId, String name, String prefix, String secretHash, TokenStatus status,
                       Instant createdAt, Instant expiresAt, Instant revokedAt, long version) {
    public static final String ID_PREFIX = "tok";
    /** Every secret starts with this, so leaked tokens are easy to scan for. */
    public static final String SECRET_PREFIX = "lsk_";
    public static final int DEFAULT_EXPIRY_DAYS = 90;
    public static final int MAX_EXPIRY_DAYS = 365;

    public boolean usableAt(Instant now) {
        return status == TokenStatus.ACTIVE && now.isBefore(expiresAt);
    }

    /** This token as a caller sees it at {@code now}: an active token past its expiry shows as expired. */
    public ApiToken seenAt(Instant now) {
        return status == TokenStatus.ACTIVE && !now.isBefore(expiresAt)
                ? new ApiToken(id, userId, name, prefix, secretHash, TokenStatus.EXPIRED, createdAt, expiresAt, revokedAt, version)
                : this;
    }

    public ApiToken revoke(Instant at) {
        TokenStatus.LIFECYCLE.check(status, TokenStatus.REVOKED);
        return new ApiToken(id, userId, name, prefix, secretHash, TokenStatus.REVOKED, createdAt, expiresAt, at, version + 1);
    }
}
