package com.lakesail.backend.domain.session;

/**
 * Where a session's engine runs and how the control plane reaches it, fixed when the session
 * starts: the cluster's EKS name and region, and the cloud account's role. Kept on the session, so
 * a statement reaches the engine without reading the cluster, its network and its account again.
 */
public record Placement(String clusterName, String region, String awsAccountId, String roleArn, String externalId) {
}
