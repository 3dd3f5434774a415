package com.lakesail.backend.api;

import com.lakesail.backend.domain.job.JobParameter;
import com.lakesail.backend.domain.query.SavedQuery;
import com.lakesail.backend.service.query.QueryService;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * The routes of saved queries (permissions in the catalogue, {@link com.lakesail.backend.domain.Permission}).
 * Bodies are strict and read after the caller is admitted.
 */
public final class QueryRoutes implements RouteGroup {
    private static final String ORG = "/v1/orgs/{orgId}";

    private final QueryService queries;

    @Inject
    public QueryRoutes(QueryService queries) {
        this.queries = queries;
    }

    @Override
    public void addTo(Router router) {
        String one = ORG + "/queries/{queryId}";
        router.add(Route.create(ORG + "/queries", call -> {
                    Body body = call.body();
                    SavedQuery.Input request = input(body);
                    body.done();
                    return queries.create(call.principal(), call.path("orgId"), request, call.idempotency());
                }))
                .add(Route.get(ORG + "/queries", call -> queries.list(call.principal(), call.path("orgId"),
                        call.query("teamId"), call.page())))
                .add(Route.get(one, call -> queries.get(call.principal(), call.path("orgId"), call.path("queryId"))))
                .add(Route.patch(one, call -> queries.update(call.principal(), call.path("orgId"), call.path("queryId"), () -> {
                    Body body = call.body();
                    QueryService.Update request = new QueryService.Update(input(body), body.int64("version"));
                    body.done();
                    return request;
                })))
                .add(Route.delete(one, call -> {
                    queries.delete(call.principal(), call.path("orgId"), call.path("queryId"));
                    return null;
                }));
    }

    private static SavedQuery.Input input(Body body) {
        List<JobParameter.Input> parameters = null;
        List<Body> declared = body.objects("parameters");
        if (declared != null) {
            parameters = new ArrayList<>();
            for (Body p : declared) {
                parameters.add(new JobParameter.Input(p.string("name"), p.string("type"), p.scalar("default")));
            }
        }
        return new SavedQuery.Input(body.string("name"), body.string("description"), body.string("teamId"),
                body.string("sql"), parameters);
    }
}
