package com.lakesail.backend.service;

import com.lakesail.backend.domain.AuditEvent;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Items;
import java.time.Clock;
import javax.inject.Inject;

/**
 * Writes the audit log. A successful change adds {@link #success} to its own transaction, so the
 * log holds an entry exactly when the change happened; a refusal is written on its own by
 * {@link #denied}, since there is no change to join.
 *
 * <p>API tokens are the user's, not an organization's, so creating and revoking them is not in any
 * organization's audit log.
 */
public final class AuditLog {
    private final Store store;
    private final Clock clock;
    private final Ids ids;

    @Inject
    public AuditLog(Store store, Clock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** The entry of a successful change, to be written in the change's transaction. */
    public Write success(String orgId, String actorUserId, String requestId, String action, String targetId) {
        AuditEvent event = new AuditEvent(ids.next(AuditEvent.ID_PREFIX), orgId, clock.instant(), actorUserId, action,
                targetId, requestId, AuditEvent.Outcome.SUCCESS, null);
        return Write.put(Items.auditEvent(event), Condition.notExists());
    }

    public Write success(Caller caller, String action, String targetId) {
        return success(caller.organizationId(), caller.userId(), caller.requestId(), action, targetId);
    }

    /** Records a refused attempt at once. */
    public void denied(String orgId, Principal principal, String action, String targetId, String reason) {
        AuditEvent event = new AuditEvent(ids.next(AuditEvent.ID_PREFIX), orgId, clock.instant(), principal.userId(), action,
                targetId, principal.requestId(), AuditEvent.Outcome.DENIED, reason);
        store.put(Items.auditEvent(event), Condition.notExists());
    }
}
