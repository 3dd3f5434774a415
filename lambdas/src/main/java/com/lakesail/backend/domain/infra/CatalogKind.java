package com.lakesail.backend.domain.infra;

/**
 * Where table metadata lives. All but {@link #MANAGED} point at something the customer already
 * runs (bring-your-own) and are usable at once; a managed catalog is built in a cloud account.
 */
public enum CatalogKind {
    ICEBERG, DELTA, GLUE, HIVE_METASTORE, MANAGED;

    public boolean provisioned() {
        return this == MANAGED;
    }
}
