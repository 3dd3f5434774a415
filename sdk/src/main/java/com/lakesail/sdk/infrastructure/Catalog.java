package com.lakesail.sdk.infrastructure;

import java.time.Instant;

/**
 * Where the tables of a workload are found: Iceberg or Delta tables under an S3 location, a Glue
 * Data Catalog, a Hive metastore (all bring-your-own, active at once), or a catalog LakeSail
 * provisions in a cloud account ({@code managed}).
 *
 * <pre>{@code
 * Catalog lake = lakesail.catalogs()
 *     .create(r -> r.name("lake").kind(CatalogKind.GLUE).config(CatalogConfig.glue("123456789012", "us-east-1")))
 *     .resource();
 * }</pre>
 *
 * @param id the catalog id, {@code cat_...}
 * @param name its name
 * @param kind what it points at
 * @param config the settings of its kind
 * @param cloudAccountId the cloud account a managed catalog lives in; null for bring-your-own
 * @param status where it is in its lifecycle
 * @param statusReason why it is in its status, e.g. the error that failed it; may be null
 * @param stage the step of the current work, or the one a failure stopped at, in lower snake case
 *     (e.g. {@code create_stack}); may be null
 * @param progress how far the current work is, 0 to 100
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version increases on every change; the expected version of an update
 */
public record Catalog(String id, String name, CatalogKind kind, CatalogConfig config, String cloudAccountId,
        CatalogStatus status, String statusReason, String stage, int progress, Instant createdAt, Instant updatedAt,
        long version) implements InfrastructureResource {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).name(name).kind(kind).config(config).cloudAccountId(cloudAccountId).status(status)
                .statusReason(statusReason).stage(stage).progress(progress).createdAt(createdAt).updatedAt(updatedAt)
                .version(version);
    }

    /** Builds a {@link Catalog}. */
    public static final class Builder {
        private String id;
        private String name;
        private CatalogKind kind;
        private CatalogConfig config;
        private String cloudAccountId;
        private CatalogStatus status;
        private String statusReason;
        private String stage;
        private int progress;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder kind(CatalogKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder config(CatalogConfig config) {
            this.config = config;
            return this;
        }

        public Builder cloudAccountId(String cloudAccountId) {
            this.cloudAccountId = cloudAccountId;
            return this;
        }

        public Builder status(CatalogStatus status) {
            this.status = status;
            return this;
        }

        public Builder statusReason(String statusReason) {
            this.statusReason = statusReason;
            return this;
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder progress(int progress) {
            this.progress = progress;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Catalog build() {
            return new Catalog(id, name, kind, config, cloudAccountId, status, statusReason, stage, progress,
                    createdAt, updatedAt, version);
        }
    }
}
