package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Lifecycle;

/**
 * A cluster is built by its EKS stack plus a Kubernetes bootstrap; a resize or an access-policy
 * change updates the stack in place ({@code active ⇄ updating}). A failure at any stage records the
 * stage; a failed cluster can only be destroyed.
 */
public enum ClusterStatus {
    PENDING, PROVISIONING, ACTIVE, UPDATING, DESTROYING, DESTROYED, FAILED;

    public static final Lifecycle<ClusterStatus> LIFECYCLE = Lifecycle.of(ClusterStatus.class)
            .allow(PENDING, PROVISIONING, FAILED)
            .allow(PROVISIONING, ACTIVE, FAILED)
            .allow(ACTIVE, UPDATING, DESTROYING)
            .allow(UPDATING, ACTIVE, FAILED)
            .allow(FAILED, DESTROYING)
            .allow(DESTROYING, DESTROYED, FAILED)
            .build();

    /** Holds its network: the network cannot be destroyed while such a cluster exists. */
    public boolean live() {
        return this != DESTROYED;
    }
}
