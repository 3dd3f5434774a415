package com.lakesail.backend.port;

/**
 * A cluster's Kubernetes, as the workflows use it: Fabric8 against EKS in the deployed system, the
 * sandbox in the embedded one. Every call is create-or-replace, so a retried stage converges.
 */
public interface ComputeRuntime {
    /** Holds the control plane's own objects. */
    String SYSTEM_NAMESPACE = "lakesail-system";
    /** Holds Sail servers, their workers and job runners. */
    String WORKLOAD_NAMESPACE = "lakesail-workloads";
    /** The identity Sail runs as; bound to a role that may manage pods in the workload namespace. */
    String SAIL_SERVICE_ACCOUNT = "sail";

    /**
     * The BOOTSTRAP_KUBERNETES stage: the namespaces, the Sail service account and its RBAC, each
     * created or replaced.
     *
     * @throws ComputeRuntimeException when the API refuses or cannot be reached
     */
    void bootstrap(ClusterConnection cluster);
}
