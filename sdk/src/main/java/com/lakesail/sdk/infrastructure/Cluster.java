package com.lakesail.sdk.infrastructure;

import java.time.Instant;

/**
 * A Kubernetes (EKS) cluster in a network: an always-on group of management nodes, where the Sail
 * servers run, and the access policy of its API endpoint. Jobs and sessions run on a cluster.
 *
 * <pre>{@code
 * Cluster cluster = lakesail.clusters()
 *     .create(r -> r.name("prod").networkId(net.id()).accessPolicy(AccessPolicy.privateOnly()))
 *     .waitUntilActive(Duration.ofMinutes(30), c -> bar.update(c.progress()));
 * System.out.println(cluster.endpoint());
 * }</pre>
 *
 * @param id the cluster id, {@code cls_...}
 * @param name its name
 * @param networkId the network it lives in
 * @param managementNodes the management node group's sizes
 * @param accessPolicy who can reach its Kubernetes API
 * @param endpoint the Kubernetes API URL; null until provisioned
 * @param kubernetesVersion e.g. {@code 1.31}; null until provisioned
 * @param orphaned true while its cloud account is disconnected
 * @param status where it is in its lifecycle
 * @param statusReason why it is in its status, e.g. the error that failed it; may be null
 * @param stage the step of the current work, or the one a failure stopped at, in lower snake case
 *     (e.g. {@code create_stack}); may be null
 * @param progress how far the current work is, 0 to 100
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version increases on every change; the expected version of an update
 */
public record Cluster(String id, String name, String networkId, ManagementNodes managementNodes,
        AccessPolicy accessPolicy, String endpoint, String kubernetesVersion, boolean orphaned, ClusterStatus status,
        String statusReason, String stage, int progress, Instant createdAt, Instant updatedAt, long version)
        implements InfrastructureResource {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).name(name).networkId(networkId).managementNodes(managementNodes)
                .accessPolicy(accessPolicy).endpoint(endpoint).kubernetesVersion(kubernetesVersion).orphaned(orphaned)
                .status(status).statusReason(statusReason).stage(stage).progress(progress).createdAt(createdAt)
                .updatedAt(updatedAt).version(version);
    }

    /** Builds a {@link Cluster}. */
    public static final class Builder {
        private String id;
        private String name;
        private String networkId;
        private ManagementNodes managementNodes;
        private AccessPolicy accessPolicy;
        private String endpoint;
        private String kubernetesVersion;
        private boolean orphaned;
        private ClusterStatus status;
        private String statusReason;
        private String stage;
        private int progress;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
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

        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder kubernetesVersion(String kubernetesVersion) {
            this.kubernetesVersion = kubernetesVersion;
            return this;
        }

        public Builder orphaned(boolean orphaned) {
            this.orphaned = orphaned;
            return this;
        }

        public Builder status(ClusterStatus status) {
            this.status = status;
            return this;
        }

        public Builder statusReason(String statusReason) {
            this.statusReason = statusReason;
            return this;
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder progress(int progress) {
            this.progress = progress;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Cluster build() {
            return new Cluster(id, name, networkId, managementNodes, accessPolicy, endpoint, kubernetesVersion,
                    orphaned, status, statusReason, stage, progress, createdAt, updatedAt, version);
        }
    }
}
