package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.service.infra.InfraRecords;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Checks what a definition names against the organization: its cluster and catalogs exist here and
 * are not destroyed. Another organization's ids read as unknown, like any id the caller cannot see.
 */
public final class JobDefinitions {
    private final InfraRecords infra;

    @Inject
    public JobDefinitions(InfraRecords infra) {
        this.infra = infra;
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
        v.require(d.entrypoint().queryId() == null, "definition.entrypoint.queryId",
                "saved queries are not available yet; give the statements");
        return d;
    }

    static boolean usable(CatalogStatus status) {
        return status != CatalogStatus.DESTROYING && status != CatalogStatus.DESTROYED;
    }
}
