package com.lakesail.sdk.infrastructure;

import java.util.Locale;

/**
 * A network's status: {@code pending → provisioning → active → destroying → destroyed}, or
 * {@code failed} at the stage that stopped it. A failed network can only be deleted.
 *
 * <pre>{@code
 * boolean usable = lakesail.networks().get(id).status() == NetworkStatus.ACTIVE;
 * }</pre>
 */
public enum NetworkStatus implements InfrastructureStatus {
    PENDING, PROVISIONING, ACTIVE, DESTROYING, DESTROYED, FAILED,
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
