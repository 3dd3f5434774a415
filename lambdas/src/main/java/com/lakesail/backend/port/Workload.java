package com.lakesail.backend.port;

import java.util.Objects;

/**
 * One unit of compute on a cluster: a job run's Sail and runner, named by the run id.
 *
 * @param id the run id ({@code jrn_...}); adapters derive their object names from it
 */
public record Workload(String organizationId, String id, WorkloadTarget target) {
    public Workload {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
    }
}
