package com.lakesail.sdk.infrastructure;

import java.util.function.Consumer;

/**
 * Creates a cluster in an active network.
 *
 * <pre>{@code
 * lakesail.clusters().create(r -> r.name("prod").networkId(net.id())
 *     .managementNodes(n -> n.instanceType("m8g.xlarge").max(5)).accessPolicy(AccessPolicy.privateOnly()));
 * }</pre>
 *
 * @param name a name for the cluster
 * @param networkId the network to build it in
 * @param managementNodes the management node group; null (or null fields) for the defaults
 * @param accessPolicy who can reach its API; null for {@link AccessPolicy#privateOnly()}
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateClusterRequest(String name, String networkId, ManagementNodes managementNodes,
        AccessPolicy accessPolicy, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).networkId(networkId).managementNodes(managementNodes)
                .accessPolicy(accessPolicy).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateClusterRequest}. */
    public static final class Builder {
        private String name;
        private String networkId;
        private ManagementNodes managementNodes;
        private AccessPolicy accessPolicy;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder networkId(String networkId) {
            this.networkId = networkId;
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

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Management nodes from a builder; fields left unset take the service's values. */
        public Builder managementNodes(Consumer<ManagementNodes.Builder> managementNodes) {
            ManagementNodes.Builder builder = ManagementNodes.builder();
            managementNodes.accept(builder);
            return managementNodes(builder.build());
        }

        public CreateClusterRequest build() {
            return new CreateClusterRequest(name, networkId, managementNodes, accessPolicy, idempotencyKey);
        }
    }
}
