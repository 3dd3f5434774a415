package com.lakesail.backend.service.query;

import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.query.SavedQuery;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.store.Keys;
import com.lakesail.backend.store.SessionItems;
import com.lakesail.backend.store.SessionKeys;
import java.util.Optional;
import javax.inject.Inject;

/** Reads of saved queries (keys in {@link SessionKeys}); another tenant's id reads as not found. */
public final class QueryRecords {
    private final Store store;

    @Inject
    public QueryRecords(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    public Optional<SavedQuery> find(String orgId, String queryId) {
        return store.get(SessionKeys.query(orgId, queryId)).map(SessionItems::query);
    }

    public SavedQuery get(String orgId, String queryId) {
        return find(orgId, queryId).orElseThrow(() -> new NotFoundException("saved query " + queryId + " not found"));
    }

    /** @param teamId null for every query of the organization, in id order */
    public Page<SavedQuery> list(String orgId, String teamId, PageRequest page) {
        Query query = teamId == null
                ? Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), SessionKeys.QUERY_PREFIX, page.limit(),
                page.nextToken())
                : Query.partition(Query.Index.GSI1, SessionKeys.queriesOfTeam(orgId, teamId), SessionKeys.QUERY_PREFIX,
                page.limit(), page.nextToken());
        return store.query(query).map(SessionItems::query);
    }
}
