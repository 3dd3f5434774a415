package com.lakesail.backend.domain.infra;

import java.time.Instant;

/**
 * An EKS cluster in a network: the management node group, the endpoint's access policy and, once
 * provisioned, the endpoint itself.
 *
 * @param endpoint the Kubernetes API URL, null until the stack is complete
 * @param orphaned true while its cloud account is disconnected
 */
public record Cluster(String id, String organizationId, String name, String networkId, ManagementNodes managementNodes,
                      AccessPolicy accessPolicy, String endpoint, ClusterStatus status, String statusReason,
                      Stage stage, int progress, boolean orphaned, Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "clu";

    public static Cluster create(String id, String organizationId, ClusterDefinition d, Instant at) {
        return new Cluster(id, organizationId, d.name(), d.networkId(), d.managementNodes(), d.accessPolicy(), null,
                ClusterStatus.PENDING, null, null, 0, false, at, at, 1);
    }

    /** Like {@link Network#moveTo}: same status means the next stage, a failure keeps its stage. */
    public Cluster moveTo(ClusterStatus to, Stage nextStage, String reason, Instant at) {
        if (to != status) {
            ClusterStatus.LIFECYCLE.check(status, to);
        }
        int nextProgress = Progress.of(to == ClusterStatus.FAILED, to == ClusterStatus.ACTIVE
                || ClusterStatus.LIFECYCLE.isTerminal(to), nextStage, progress);
        Stage recorded = to == ClusterStatus.FAILED && nextStage == null ? stage : nextStage;
        return new Cluster(id, organizationId, name, networkId, managementNodes, accessPolicy, endpoint, to, reason,
                recorded, nextProgress, orphaned, createdAt, at, version + 1);
    }

    /** A {@code PATCH}: the new sizes and policy are stored at once and applied by the update workflow. */
    public Cluster update(ManagementNodes nodes, AccessPolicy policy, Instant at) {
        ClusterStatus.LIFECYCLE.check(status, ClusterStatus.UPDATING);
        return new Cluster(id, organizationId, name, networkId, nodes, policy, endpoint, ClusterStatus.UPDATING, null,
                Stage.UPDATE_STACK, Stage.UPDATE_STACK.progress(), orphaned, createdAt, at, version + 1);
    }

    /** The same cluster at the next version: an accepted change that changes nothing still claims its version. */
    public Cluster touched(Instant at) {
        return new Cluster(id, organizationId, name, networkId, managementNodes, accessPolicy, endpoint, status,
                statusReason, stage, progress, orphaned, createdAt, at, version + 1);
    }

    public Cluster withEndpoint(String newEndpoint, Instant at) {
        return new Cluster(id, organizationId, name, networkId, managementNodes, accessPolicy, newEndpoint, status,
                statusReason, stage, progress, orphaned, createdAt, at, version + 1);
    }

    /** The same stage, further along (a poll saw the stack still working); progress never goes back. */
    public Cluster withProgress(int value, Instant at) {
        return new Cluster(id, organizationId, name, networkId, managementNodes, accessPolicy, endpoint, status,
                statusReason, stage, Math.max(progress, Math.min(99, value)), orphaned, createdAt, at, version + 1);
    }

    public Cluster withOrphaned(boolean value, Instant at) {
        return new Cluster(id, organizationId, name, networkId, managementNodes, accessPolicy, endpoint, status,
                statusReason, stage, progress, value, createdAt, at, version + 1);
    }
}
