package com.lakesail.sdk.infrastructure;

/**
 * The settings of a catalog; which fields apply depends on its {@link CatalogKind}, and the others
 * are null: {@code location} for iceberg and delta, {@code catalogId} and {@code region} for glue,
 * {@code uri} for hive_metastore, {@code region} for managed. The factories build each shape.
 *
 * <pre>{@code
 * CatalogConfig delta = CatalogConfig.tableLocation("s3://acme-lake/delta");
 * CatalogConfig hive = CatalogConfig.hiveMetastore("thrift://metastore.internal:9083");
 * }</pre>
 *
 * @param location the S3 location of iceberg or delta tables, {@code s3://bucket/prefix}
 * @param catalogId a Glue catalog's id: the 12-digit id of the account that owns it
 * @param region the AWS region of a Glue or managed catalog
 * @param uri a Hive metastore's Thrift URI, {@code thrift://host:9083}
 */
public record CatalogConfig(String location, String catalogId, String region, String uri) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().location(location).catalogId(catalogId).region(region).uri(uri);
    }

    /** For {@code iceberg} and {@code delta}: the tables under an S3 location. */
    public static CatalogConfig tableLocation(String location) {
        return new CatalogConfig(location, null, null, null);
    }

    /** For {@code glue}: the Glue Data Catalog of account {@code catalogId} in {@code region}. */
    public static CatalogConfig glue(String catalogId, String region) {
        return new CatalogConfig(null, catalogId, region, null);
    }

    /** For {@code hive_metastore}: the metastore at a Thrift URI. */
    public static CatalogConfig hiveMetastore(String uri) {
        return new CatalogConfig(null, null, null, uri);
    }

    /** For {@code managed}: a catalog provisioned in {@code region}. */
    public static CatalogConfig managed(String region) {
        return new CatalogConfig(null, null, region, null);
    }

    /** Builds a {@link CatalogConfig}. */
    public static final class Builder {
        private String location;
        private String catalogId;
        private String region;
        private String uri;

        private Builder() {
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        public Builder catalogId(String catalogId) {
            this.catalogId = catalogId;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        public CatalogConfig build() {
            return new CatalogConfig(location, catalogId, region, uri);
        }
    }
}
