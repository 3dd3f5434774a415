package com.lakesail.sdk.infrastructure;

import java.util.function.Consumer;

/**
 * Resizes a cluster's management nodes or changes its access policy, in place: the cluster goes
 * {@code updating} and back to {@code active}.
 *
 * <pre>{@code
 * lakesail.clusters()
 *     .update(r -> r.clusterId(cluster.id()).managementNodes(n -> n.desired(3)).version(cluster.version()))
 *     .waitUntilActive(Duration.ofMinutes(15));
 * }</pre>
 *
 * @param clusterId the cluster, {@code cls_...}
 * @param managementNodes the new sizes; null to keep them, null fields to keep those
 * @param accessPolicy the new access policy; null to keep it
 * @param version the version the caller last read; a stale one fails with {@link
 *     com.lakesail.sdk.exception.ConflictException}
 */
public record UpdateClusterRequest(String clusterId, ManagementNodes managementNodes, AccessPolicy accessPolicy,
        Long version) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().clusterId(clusterId).managementNodes(managementNodes).accessPolicy(accessPolicy)
                .version(version);
    }

    /** Builds an {@link UpdateClusterRequest}. */
    public static final class Builder {
        private String clusterId;
        private ManagementNodes managementNodes;
        private AccessPolicy accessPolicy;
        private Long version;

        private Builder() {
        }

        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        public Builder managementNodes(ManagementNodes managementNodes) {
            this.managementNodes = managementNodes;
            return this;
        }

        public Builder accessPolicy(AccessPolicy accessPolicy) {
            this.accessPolicy = accessPolicy;
            return this;
        }

        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        /** Management nodes from a builder; fields left unset take the service's values. */
        public Builder managementNodes(Consumer<ManagementNodes.Builder> managementNodes) {
            ManagementNodes.Builder builder = ManagementNodes.builder();
            managementNodes.accept(builder);
            return managementNodes(builder.build());
        }

        /** Convenience for {@code version(Long)} with a literal. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public UpdateClusterRequest build() {
            return new UpdateClusterRequest(clusterId, managementNodes, accessPolicy, version);
        }
    }
}
