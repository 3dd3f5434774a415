package com.lakesail.backend.port;

/**
 * A cluster's Kubernetes, as the infrastructure workflows use it: on AWS through the cluster's
 * in-VPC agent (DESIGN §10), the sandbox in the embedded backend. Every call is create-or-replace,
 * so a retried stage converges.
 */
public interface ComputeRuntime {

    /**
     * The BOOTSTRAP_KUBERNETES stage: the control plane's namespaces, the service accounts Sail and
     * runners run as, and Sail's RBAC, each created or replaced.
     *
     * @throws ComputeRuntimeException when the cluster refuses or cannot be reached
     */
    void bootstrap(WorkloadTarget cluster);
}
