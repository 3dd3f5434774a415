package com.lakesail.sdk.infrastructure;

import java.util.Locale;

/**
 * A catalog's status. A bring-your-own catalog (iceberg, delta, glue, hive_metastore) is
 * {@code active} at once and {@code destroyed} as soon as it is deleted; a managed one goes
 * {@code pending → provisioning → active → destroying → destroyed}, or {@code failed} at a stage.
 *
 * <pre>{@code
 * Catalog lake = lakesail.catalogs().get(id);
 * if (lake.status().isActive()) { ... }
 * }</pre>
 */
public enum CatalogStatus implements InfrastructureStatus {
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
