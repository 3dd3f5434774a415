package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.service.query.QueryRecords;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Checks what a definition names against the organization: its cluster and catalogs exist here and
 * are not destroyed, and the saved query its entrypoint may name exists (it is resolved again when a
 * run starts, so a run runs the query as it is then). Another organization's ids read as unknown, like any id the caller cannot see.
 */
public final class JobDefinitions {
    private final InfraRecords infra;
    private final QueryRecords queries;

    @Inject
    public JobDefinitions(InfraRecords infra, QueryRecords queries) {
        this.infra = infra;
        this.queries = queries;
    }

    /** Validates {@code input} fully; errors are recorded in {@code v}, naming their fields under {@code definition}. */
    public JobDefinition validate(Validator v, String orgId, JobDefinition.Input input) {
        JobDefinition d = JobDefinition.validate(v, "definition", input);
        if (d == null) {
            return null;
        }
        Optional<Cluster> cluster = infra.findCluster(orgId, d.clusterId());
        v.require(cluster.isPresent() && cluster.get().status().live(), "definition.clusterId",
                "no cluster " + d.clusterId() + " in this organization");
        for (int i = 0; i < d.catalogIds().size(); i++) {
            String id = d.catalogIds().get(i);
            Optional<Catalog> catalog = infra.findCatalog(orgId, id);
            v.require(catalog.isPresent() && usable(catalog.get().status()), "definition.catalogIds[" + i + "]",
                    "no catalog " + id + " in this organization");
        }
        String queryId = d.entrypoint().queryId();
        v.require(queryId == null || queries.find(orgId, queryId).isPresent(), "definition.entrypoint.queryId",
                "no saved query " + queryId + " in this organization");
        return d;
    }

    static boolean usable(CatalogStatus status) {
        return status != CatalogStatus.DESTROYING && status != CatalogStatus.DESTROYED;
    }
}
