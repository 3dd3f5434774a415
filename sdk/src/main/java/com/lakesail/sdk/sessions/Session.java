package com.lakesail.sdk.sessions;

import com.lakesail.sdk.jobs.Compute;
import com.lakesail.sdk.waiter.Lifecycle;
import java.time.Instant;
import java.util.List;

/**
 * An interactive session: a warm Sail on a cluster with the chosen catalogs, where statements run
 * one at a time, in order, sharing temporary views and settings.
 *
 * @param id the session id, {@code ses_...}
 * @param idleTimeoutMinutes how long it stays open with no statement running
 * @param ownerMemberId the member who opened it; only they (or a holder of {@code sessions:read}) see it
 * @param closeRequested a close is under way
 * @param endpoint where its engine listens, once started; null before
 * @param statementsInFlight statements waiting or running now
 * @param statements statements sent to it so far
 * @param openedAt when it became ready; null before
 * @param endedAt when it closed or failed; null before
 */
public record Session(String id, String clusterId, List<String> catalogIds, int idleTimeoutMinutes, Compute compute,
        String ownerMemberId, String createdBy, SessionStatus status, String statusReason, String stage, int progress,
        boolean closeRequested, String endpoint, int statementsInFlight, long statements, Instant lastActivityAt,
        Instant openedAt, Instant endedAt, Instant createdAt, Instant updatedAt, long version) implements Lifecycle {

    public Session {
        catalogIds = catalogIds == null ? List.of() : List.copyOf(catalogIds);
    }

    /** Ready for statements. */
    @Override
    public boolean isTerminalSuccess() {
        return status != null && status.isOpen();
    }

    /** Closed or failed: it will never be ready again. */
    @Override
    public boolean isTerminalFailure() {
        return status != null && status.isTerminal();
    }
}
