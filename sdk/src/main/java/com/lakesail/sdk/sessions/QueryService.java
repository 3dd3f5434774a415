package com.lakesail.sdk.sessions;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Saved queries: {@code /v1/orgs/{orgId}/queries}, in the client's organization. Obtain it from
 * {@code LakeSail.queries()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * SavedQuery q = lakesail.queries().create(r -> r.name("top-regions").sql("SELECT ... LIMIT :n")
 *     .parameter("n", ParameterType.BIGINT, 10));
 * for (SavedQuery each : lakesail.queries().list()) { ... }       // lazy pages
 * List<Row> rows = session.sql(StatementRequest.query(q.id()).parameter("n", 5)).stream().toList();
 * }</pre>
 */
public interface QueryService {

    SavedQuery create(SaveQueryRequest request);

    default SavedQuery create(Consumer<SaveQueryRequest.Builder> request) {
        SaveQueryRequest.Builder builder = SaveQueryRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    SavedQuery get(String queryId);

    /** The organization's queries, or one team's when {@code teamId} is not null. */
    Paginated<SavedQuery> list(String teamId);

    default Paginated<SavedQuery> list() {
        return list(null);
    }

    /**
     * Changes the query {@code request} names at the version it names; a stale version is a
     * {@code ConflictException} (read it again and retry).
     */
    SavedQuery update(SaveQueryRequest request);

    default SavedQuery update(String queryId, long version, Consumer<SaveQueryRequest.Builder> changes) {
        SaveQueryRequest.Builder builder = SaveQueryRequest.builder().update(queryId, version);
        changes.accept(builder);
        return update(builder.build());
    }

    void delete(String queryId);
}
