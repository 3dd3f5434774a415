package com.lakesail.backend.port;

/**
 * The CloudFormation templates the control plane deploys into customer accounts; their parameter
 * and output names are in {@link InfraStacks}.
 */
public enum StackTemplate {
    NETWORK, CLUSTER, CATALOG
}
