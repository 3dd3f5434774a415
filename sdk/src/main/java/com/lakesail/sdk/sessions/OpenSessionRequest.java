package com.lakesail.sdk.sessions;

import com.lakesail.sdk.jobs.Compute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens a session on a cluster with the catalogs its statements may read and write.
 *
 * <pre>{@code
 * SessionHandle session = lakesail.sessions().open(r -> r.clusterId(cluster.id()).catalogIds(lake.id())
 *     .idleTimeoutMinutes(30));
 * }</pre>
 *
 * @param idleTimeoutMinutes 1 to 10080; null for the service's default (15)
 * @param compute the Sail's sizes; null for the service's defaults
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record OpenSessionRequest(String clusterId, List<String> catalogIds, Integer idleTimeoutMinutes, Compute compute,
        String idempotencyKey) {

    public OpenSessionRequest {
        catalogIds = catalogIds == null ? List.of() : List.copyOf(catalogIds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OpenSessionRequest}. */
    public static final class Builder {
        private String clusterId;
        private final List<String> catalogIds = new ArrayList<>();
        private Integer idleTimeoutMinutes;
        private Compute compute;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        public Builder catalogIds(String... catalogIds) {
            return catalogIds(Arrays.asList(catalogIds));
        }

        public Builder catalogIds(List<String> catalogIds) {
            this.catalogIds.clear();
            this.catalogIds.addAll(catalogIds);
            return this;
        }

        public Builder idleTimeoutMinutes(Integer idleTimeoutMinutes) {
            this.idleTimeoutMinutes = idleTimeoutMinutes;
            return this;
        }

        public Builder compute(Compute compute) {
            this.compute = compute;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public OpenSessionRequest build() {
            return new OpenSessionRequest(clusterId, catalogIds, idleTimeoutMinutes, compute, idempotencyKey);
        }
    }
}
