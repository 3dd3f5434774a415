package com.lakesail.sdk.infrastructure;

/**
 * Where a catalog's table metadata lives. All but {@link #MANAGED} point at something the customer
 * already runs ("bring your own") and are active at once; a managed catalog is provisioned in a
 * cloud account. Each kind takes its own {@link CatalogConfig}.
 *
 * <pre>{@code
 * lakesail.catalogs().create(r -> r.name("lake").kind(CatalogKind.ICEBERG)
 *     .config(CatalogConfig.tableLocation("s3://acme-lake/iceberg")));
 * }</pre>
 */
public enum CatalogKind {
    /** Iceberg tables under an S3 location. */
    ICEBERG,
    /** Delta tables under an S3 location. */
    DELTA,
    /** An AWS Glue Data Catalog. */
    GLUE,
    /** A Hive metastore reachable over Thrift. */
    HIVE_METASTORE,
    /** A catalog LakeSail provisions in a cloud account. */
    MANAGED,
    /** A kind this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
