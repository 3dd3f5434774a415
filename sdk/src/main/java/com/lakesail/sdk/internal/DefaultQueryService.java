package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.queries.CreateQueryRequest;
import com.lakesail.sdk.queries.ListQueriesRequest;
import com.lakesail.sdk.queries.QueryService;
import com.lakesail.sdk.queries.SavedQuery;
import com.lakesail.sdk.queries.UpdateQueryRequest;

final class DefaultQueryService implements QueryService {
    private static final String QUERIES = "queries";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultQueryService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public SavedQuery create(CreateQueryRequest request) {
        Object body = JsonBody.of("name", request.name(), "description", request.description(), "teamId",
                request.teamId(), "sql", request.sql(), "parameters", request.parameters());
        return rest.send(ApiRequest.create(paths.of(QUERIES), body, request.idempotencyKey()), SavedQuery.class);
    }

    @Override
    public SavedQuery get(String queryId) {
        return rest.send(ApiRequest.get(paths.of(QUERIES, queryId)), SavedQuery.class);
    }

    @Override
    public Paginated<SavedQuery> list(ListQueriesRequest request) {
        return rest.paginate(ApiRequest.get(paths.of(QUERIES)).withQuery("teamId", request.teamId())
                .withQuery("limit", request.limit()), SavedQuery.class);
    }

    @Override
    public SavedQuery update(UpdateQueryRequest request) {
        Object body = JsonBody.of("name", request.name(), "description", request.description(), "teamId",
                request.teamId(), "sql", request.sql(), "parameters", request.parameters(), "version",
                request.version());
        return rest.send(ApiRequest.patch(paths.of(QUERIES, request.queryId()), body), SavedQuery.class);
    }

    @Override
    public void delete(String queryId) {
        rest.send(ApiRequest.delete(paths.of(QUERIES, queryId)));
    }
}
