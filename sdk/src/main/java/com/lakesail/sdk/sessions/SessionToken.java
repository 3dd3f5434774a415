package com.lakesail.sdk.sessions;

import java.time.Instant;

/**
 * A short-lived token for one session and one member, and the connection string Spark Connect
 * clients take. Shown once; keep it secret ({@link #toString()} leaves it out).
 *
 * @param token a signed JWT
 * @param connectionString {@code sc://host:port/;token=...}
 */
public record SessionToken(String id, String sessionId, String token, String connectionString, Instant expiresAt) {

    @Override
    public String toString() {
        return "SessionToken[id=" + id + ", sessionId=" + sessionId + ", expiresAt=" + expiresAt + "]";
    }
}
