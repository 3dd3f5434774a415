package com.lakesail.backend.service.query;

import com.lakesail.backend.domain.query.SavedQuery;
import com.lakesail.backend.service.ResourceHierarchy;
import java.util.List;
import javax.inject.Inject;

/**
 * Team → saved query, for scoped role bindings: a binding scoped to a team covers the team's
 * queries, as it covers its jobs. A query can move to another team, so its team is read on each check.
 */
public final class QueryHierarchy implements ResourceHierarchy {
    private final QueryRecords records;

    @Inject
    public QueryHierarchy(QueryRecords records) {
        this.records = records;
    }

    @Override
    public List<String> ancestors(String orgId, String resourceId) {
        if (resourceId == null || !resourceId.startsWith(SavedQuery.ID_PREFIX + "_")) {
            return List.of();
        }
        return records.find(orgId, resourceId).map(SavedQuery::teamId).map(List::of).orElse(List.of());
    }

    @Override
    public boolean contains(String orgId, String resourceId) {
        return resourceId.startsWith(SavedQuery.ID_PREFIX + "_") && records.find(orgId, resourceId).isPresent();
    }
}
