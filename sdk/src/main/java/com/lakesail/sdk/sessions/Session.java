package com.lakesail.sdk.sessions;

import com.lakesail.sdk.jobs.Compute;
import com.lakesail.sdk.waiter.Lifecycle;
import java.time.Instant;
import java.util.List;

/**
 * A session: a live Sail on a cluster with the chosen catalogs, owned by the member who opened it.
 * It is idle after its last statement ends and closes itself after {@code idleTimeoutMinutes} idle.
 *
 * @param id {@code ses_...}
 * @param endpoint the Sail's Spark Connect address ({@code sc://host:port}) once ready; connect with a token
 * @param endpointCertificate the self-signed certificate (PEM) the session's gate serves TLS with, or null
 *        when it serves plaintext ({@code localhost}). A Spark Connect client with a token connects with
 *        TLS to any host but {@code localhost}, so a client outside {@code localhost} trusts this
 *        certificate: Java, add it to a trust store given by {@code -Djavax.net.ssl.trustStore} (and
 *        {@code -Djavax.net.ssl.trustStorePassword}); PySpark and other gRPC clients, write it to a PEM
 *        file named by {@code GRPC_DEFAULT_SSL_ROOTS_FILE_PATH}
 * @param statementsInFlight statements pending or running now
 * @param statements statements submitted so far
 * @param closeRequested a close is under way
 */
public record Session(String id, String clusterId, List<String> catalogIds, int idleTimeoutMinutes, Compute compute,
        String ownerMemberId, String createdBy, SessionStatus status, String statusReason, String stage, int progress,
        boolean closeRequested, String endpoint, String endpointCertificate, int statementsInFlight, long statements, Instant lastActivityAt,
        Instant openedAt, Instant endedAt, Instant createdAt, Instant updatedAt, long version) implements Lifecycle {

    public Session {
        catalogIds = catalogIds == null ? List.of() : List.copyOf(catalogIds);
    }

    /** Active or idle: it takes statements. */
    @Override
    public boolean isTerminalSuccess() {
        return status != null && status.isReady();
    }

    /** Closed or failed. */
    @Override
    public boolean isTerminalFailure() {
        return status != null && status.isTerminal();
    }
}
