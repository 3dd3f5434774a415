package com.lakesail.sdk.sessions;

import java.time.Instant;

/**
 * A short-lived token for one session and one member, and the connection string Spark Connect
 * clients take. Shown once; keep it secret ({@link #toString()} leaves it out).
 *
 * @param token a signed JWT
 * @param connectionString {@code sc://host:port/;token=...}
 * @param endpointCertificate the session's {@link Session#endpointCertificate()}: the certificate (PEM) its
 *        gate serves TLS with, or null for plaintext ({@code localhost}). A client outside {@code localhost}
 *        trusts it: Java, add it to a trust store given by {@code -Djavax.net.ssl.trustStore}; PySpark and
 *        other gRPC clients, a PEM file named by {@code GRPC_DEFAULT_SSL_ROOTS_FILE_PATH}
 */
public record SessionToken(String id, String sessionId, String token, String connectionString, Instant expiresAt,
        String endpointCertificate) {

    @Override
    public String toString() {
        return "SessionToken[id=" + id + ", sessionId=" + sessionId + ", expiresAt=" + expiresAt + "]";
    }
}
