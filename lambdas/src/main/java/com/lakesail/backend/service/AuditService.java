package com.lakesail.backend.service;

import com.lakesail.backend.domain.AuditEvent;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Reads the audit log, newest first, with {@code audit:read}. Each filter is a key-condition query
 * (see {@link Keys}): the organization's log, by actor (GSI1) or by target (GSI2); a time window
 * narrows the sort-key prefix to what its bounds share and trims the edges while paging, ending the
 * list at the first event older than {@code from}.
 */
public final class AuditService {
    private final Store store;
    private final Authorizer authorizer;

    @Inject
    public AuditService(Store store, Authorizer authorizer) {
        this.store = store;
        this.authorizer = authorizer;
    }

    /**
     * @param actorId  a user id, or null
     * @param targetId a resource id, or null
     * @param from     inclusive, or null
     * @param to       exclusive, or null
     */
    public record Filter(String actorId, String targetId, Instant from, Instant to) {
    }

    public Page<AuditEvent> list(Principal principal, String orgId, Filter filter, PageRequest page) {
        authorizer.require(principal, orgId, Permission.AUDIT_READ);
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ValidationException.of("from", "must be before to");
        }
        String time = filter.from() == null || filter.to() == null ? ""
                : commonPrefix(Keys.auditTime(filter.from()), Keys.auditTime(filter.to()));
        Query query;
        if (filter.actorId() != null) {
            query = Query.partition(Query.Index.GSI1, Keys.auditByActor(orgId, filter.actorId()), time, page.limit(), page.nextToken());
        } else if (filter.targetId() != null) {
            query = Query.partition(Query.Index.GSI2, Keys.auditByTarget(orgId, filter.targetId()), time, page.limit(), page.nextToken());
        } else {
            query = Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), Keys.AUDIT_PREFIX + time, page.limit(), page.nextToken());
        }
        Page<Item> items = store.query(query.descending(true));
        List<AuditEvent> events = new ArrayList<>();
        boolean pastWindow = false;
        for (Item item : items.items()) {
            AuditEvent event = Items.decode(item, AuditEvent.class);
            if (filter.from() != null && event.time().isBefore(filter.from())) {
                pastWindow = true;
                break;
            }
            boolean inWindow = filter.to() == null || event.time().isBefore(filter.to());
            boolean onTarget = filter.targetId() == null || filter.targetId().equals(event.targetId());
            if (inWindow && onTarget) {
                events.add(event);
            }
        }
        return new Page<>(events, pastWindow ? null : items.nextToken());
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }
}
