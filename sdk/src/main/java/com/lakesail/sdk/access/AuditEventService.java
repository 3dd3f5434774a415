package com.lakesail.sdk.access;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * The audit log of the client's organization: {@code /v1/orgs/{orgId}/audit-events}, newest first.
 * Implement it to fake the service in a test.
 *
 * <pre>{@code
 * lakesail.auditEvents().list(r -> r.actorId(bob.userId()).from(Instant.now().minus(Duration.ofDays(1))))
 *     .forEach(e -> System.out.println(e.time() + " " + e.action() + " " + e.targetId() + " " + e.outcome()));
 * }</pre>
 */
public interface AuditEventService {

    Paginated<AuditEvent> list(ListAuditEventsRequest request);

    default Paginated<AuditEvent> list(Consumer<ListAuditEventsRequest.Builder> request) {
        ListAuditEventsRequest.Builder builder = ListAuditEventsRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<AuditEvent> list() {
        return list(ListAuditEventsRequest.builder().build());
    }
}
