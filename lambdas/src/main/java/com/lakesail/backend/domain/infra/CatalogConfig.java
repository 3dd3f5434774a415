package com.lakesail.backend.domain.infra;

/** The settings of a catalog, one shape per {@link CatalogKind}. */
public sealed interface CatalogConfig {

    /** Iceberg or Delta tables under an S3 location. */
    record TableLocation(String location) implements CatalogConfig {
    }

    /** An AWS Glue Data Catalog: its id is the owning account's id. */
    record Glue(String catalogId, String region) implements CatalogConfig {
    }

    /** A Hive metastore reachable from the clusters ({@code thrift://host:9083}). */
    record HiveMetastore(String uri) implements CatalogConfig {
    }

    /** A catalog LakeSail builds (a bucket and a Glue database) in a cloud account's region. */
    record Managed(String region) implements CatalogConfig {
    }
}
