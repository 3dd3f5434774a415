package com.lakesail.sdk.queries;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Saved queries: {@code /v1/orgs/{orgId}/queries}, in the client's organization. Obtain it from
 * {@code LakeSail.queries()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * SavedQuery q = lakesail.queries().create(r -> r.name("top-regions").sql("SELECT ..."));
 * for (SavedQuery each : lakesail.queries().list(r -> r.teamId(team.id()))) {   // lazy pages
 *     System.out.println(each.id() + " " + each.name());
 * }
 * lakesail.queries().update(r -> r.queryId(q.id()).sql("SELECT ... LIMIT 10").version(q.version()));
 * }</pre>
 */
public interface QueryService {

    SavedQuery create(CreateQueryRequest request);

    default SavedQuery create(Consumer<CreateQueryRequest.Builder> request) {
        CreateQueryRequest.Builder builder = CreateQueryRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    SavedQuery get(String queryId);

    Paginated<SavedQuery> list(ListQueriesRequest request);

    default Paginated<SavedQuery> list(Consumer<ListQueriesRequest.Builder> request) {
        ListQueriesRequest.Builder builder = ListQueriesRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<SavedQuery> list() {
        return list(ListQueriesRequest.builder().build());
    }

    /** @throws com.lakesail.sdk.exception.ConflictException when the query is no longer at the given version */
    SavedQuery update(UpdateQueryRequest request);

    default SavedQuery update(Consumer<UpdateQueryRequest.Builder> request) {
        UpdateQueryRequest.Builder builder = UpdateQueryRequest.builder();
        request.accept(builder);
        return update(builder.build());
    }

    /** Deletes the query; statements and job runs that ran it keep the SQL they ran. */
    void delete(String queryId);
}
