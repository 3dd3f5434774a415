package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Lifecycle;

/**
 * A managed catalog has the full provisioning lifecycle; a bring-your-own catalog only points at
 * existing metadata, so it is {@code active} at once and deleting it builds nothing down.
 */
public enum CatalogStatus {
    PENDING, PROVISIONING, ACTIVE, DESTROYING, DESTROYED, FAILED;

    public static final Lifecycle<CatalogStatus> PROVISIONED = Lifecycle.of(CatalogStatus.class)
            .allow(PENDING, PROVISIONING, FAILED)
            .allow(PROVISIONING, ACTIVE, FAILED)
            .allow(ACTIVE, DESTROYING)
            .allow(FAILED, DESTROYING)
            .allow(DESTROYING, DESTROYED, FAILED)
            .build();

    public static final Lifecycle<CatalogStatus> BRING_YOUR_OWN = Lifecycle.of(CatalogStatus.class)
            .allow(ACTIVE, DESTROYED)
            .build();

    public static Lifecycle<CatalogStatus> lifecycle(CatalogKind kind) {
        return kind.provisioned() ? PROVISIONED : BRING_YOUR_OWN;
    }

    /** The status a new catalog of {@code kind} is created in. */
    public static CatalogStatus initial(CatalogKind kind) {
        return kind.provisioned() ? PENDING : ACTIVE;
    }
}
