package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.sessions.QueryService;
import com.lakesail.sdk.sessions.SaveQueryRequest;
import com.lakesail.sdk.sessions.SavedQuery;
import java.util.Map;
import java.util.Objects;

final class DefaultQueryService implements QueryService {
    private static final String QUERIES = "queries";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultQueryService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public SavedQuery create(SaveQueryRequest request) {
        return rest.send(ApiRequest.create(paths.of(QUERIES), body(request), request.idempotencyKey()), SavedQuery.class);
    }

    @Override
    public SavedQuery get(String queryId) {
        return rest.send(ApiRequest.get(paths.of(QUERIES, queryId)), SavedQuery.class);
    }

    @Override
    public Paginated<SavedQuery> list(String teamId) {
        return rest.paginate(ApiRequest.get(paths.of(QUERIES)).withQuery("teamId", teamId), SavedQuery.class);
    }

    @Override
    public SavedQuery update(SaveQueryRequest request) {
        Objects.requireNonNull(request.queryId(), "an update names its query: SaveQueryRequest.builder().update(id, version)");
        Map<String, Object> body = body(request);
        body.put("version", request.version());
        return rest.send(ApiRequest.patch(paths.of(QUERIES, request.queryId()), body), SavedQuery.class);
    }

    @Override
    public void delete(String queryId) {
        rest.send(ApiRequest.delete(paths.of(QUERIES, queryId)));
    }

    private static Map<String, Object> body(SaveQueryRequest request) {
        return JsonBody.of("name", request.name(), "description", request.description(), "teamId", request.teamId(),
                "sql", request.sql(), "parameters", request.parameters());
    }
}
