package com.lakesail.sdk.infrastructure;

import java.util.Locale;

/**
 * A cluster's status: {@code pending → provisioning → active}; a resize or an access-policy change
 * goes {@code active → updating → active}; a delete {@code destroying → destroyed}; any of them may
 * end {@code failed} at the stage that stopped it. A failed cluster can only be deleted.
 *
 * <pre>{@code
 * if (cluster.status() == ClusterStatus.UPDATING) {
 *     cluster = lakesail.clusters().handle(cluster.id()).waitUntilActive(Duration.ofMinutes(15));
 * }
 * }</pre>
 */
public enum ClusterStatus implements InfrastructureStatus {
    PENDING, PROVISIONING, ACTIVE, UPDATING, DESTROYING, DESTROYED, FAILED,
    /** A status this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean isActive() {
        return this == ACTIVE;
    }

    @Override
    public boolean isDestroying() {
        return this == DESTROYING;
    }

    @Override
    public boolean isDestroyed() {
        return this == DESTROYED;
    }

    @Override
    public boolean isFailed() {
        return this == FAILED;
    }
}
