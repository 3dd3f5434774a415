package com.lakesail.backend.port;

import java.util.Objects;

/**
 * A cluster, and how the control plane reaches it: the EKS cluster's name in the account and
 * region, acted on through the cloud account's role (on AWS, by invoking the cluster's agent).
 */
public record WorkloadTarget(String clusterId, String clusterName, String region, AccountAccess access) {
    public WorkloadTarget {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(access, "access");
    }
}
