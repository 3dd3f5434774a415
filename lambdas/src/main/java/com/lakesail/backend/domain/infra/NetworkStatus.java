package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Lifecycle;

/**
 * A network is built by its VPC stack and torn down by deleting it. A failed network can only be
 * destroyed (which deletes whatever the failed stack left behind).
 */
public enum NetworkStatus {
    PENDING, PROVISIONING, ACTIVE, DESTROYING, DESTROYED, FAILED;

    public static final Lifecycle<NetworkStatus> LIFECYCLE = Lifecycle.of(NetworkStatus.class)
            .allow(PENDING, PROVISIONING, FAILED)
            .allow(PROVISIONING, ACTIVE, FAILED)
            .allow(ACTIVE, DESTROYING)
            .allow(FAILED, DESTROYING)
            .allow(DESTROYING, DESTROYED, FAILED)
            .build();

    /** Counts against CIDR overlap and blocks deleting its cloud account. */
    public boolean live() {
        return this != DESTROYED;
    }
}
