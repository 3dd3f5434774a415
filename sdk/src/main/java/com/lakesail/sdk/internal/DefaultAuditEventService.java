package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.access.AuditEvent;
import com.lakesail.sdk.access.AuditEventService;
import com.lakesail.sdk.access.ListAuditEventsRequest;

final class DefaultAuditEventService implements AuditEventService {
    private final RestClient rest;
    private final OrgPath org;

    DefaultAuditEventService(RestClient rest, OrgPath org) {
        this.rest = rest;
        this.org = org;
    }

    @Override
    public Paginated<AuditEvent> list(ListAuditEventsRequest request) {
        return rest.paginate(ApiRequest.get(org.of("audit-events")).withQuery("actorId", request.actorId())
                .withQuery("targetId", request.targetId()).withQuery("from", request.from()).withQuery("to", request.to())
                .withQuery("limit", request.limit()), AuditEvent.class);
    }
}
