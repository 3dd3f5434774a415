package com.lakesail.sdk.sessions;

import java.time.Instant;

/**
 * A short-lived credential for one session, for Spark Connect clients: pass {@link #connectionString()}
 * ({@code sc://host:port/;token=...}) as the remote. Shown once; {@link #toString()} leaves it out.
 *
 * <pre>{@code
 * SessionToken token = session.token(Duration.ofHours(1));
 * SparkSession spark = SparkSession.builder().remote(token.connectionString()).getOrCreate();
 * }</pre>
 *
 * @param id the token's id, which audit events name
 * @param token the signed token; null when read back from a replayed request
 * @param connectionString the Spark Connect remote carrying the token; null with the token
 */
public record SessionToken(String id, String sessionId, Instant expiresAt, String token, String connectionString) {

    @Override
    public String toString() {
        return "SessionToken[id=" + id + ", sessionId=" + sessionId + ", expiresAt=" + expiresAt + "]";
    }
}
