package com.lakesail.backend.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Enough to talk to one cluster's Kubernetes API for a few minutes: its endpoint, the CA that
 * signed its certificate, and a short-lived bearer token.
 *
 * @param certificateAuthorityData base64 of the PEM CA bundle, as EKS reports it
 */
public record ClusterConnection(String clusterName, String endpoint, String certificateAuthorityData,
                                String bearerToken, Instant expiresAt) {
    public ClusterConnection {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bearerToken, "bearerToken");
    }

    /** Never prints the token: connections end up in logs and exception messages. */
    @Override
    public String toString() {
        return "ClusterConnection[clusterName=" + clusterName + ", endpoint=" + endpoint + ", expiresAt=" + expiresAt + "]";
    }
}
