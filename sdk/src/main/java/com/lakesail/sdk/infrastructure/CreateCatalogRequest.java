package com.lakesail.sdk.infrastructure;

/**
 * Creates a catalog. Bring-your-own kinds are active at once; a managed catalog is provisioned in
 * {@code cloudAccountId} and takes a while.
 *
 * <pre>{@code
 * lakesail.catalogs().create(r -> r.name("lake").kind(CatalogKind.ICEBERG)
 *     .config(CatalogConfig.tableLocation("s3://acme-lake/iceberg")));
 * lakesail.catalogs().create(r -> r.name("managed").kind(CatalogKind.MANAGED).cloudAccountId(account.id())
 *     .config(CatalogConfig.managed("us-east-1"))).waitUntilActive(Duration.ofMinutes(10));
 * }</pre>
 *
 * @param name a name for the catalog
 * @param kind what it points at
 * @param config the settings of that kind, see {@link CatalogConfig}'s factories
 * @param cloudAccountId the active cloud account to provision a managed catalog in; null for other
 *     kinds
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateCatalogRequest(String name, CatalogKind kind, CatalogConfig config, String cloudAccountId,
        String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).kind(kind).config(config).cloudAccountId(cloudAccountId)
                .idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateCatalogRequest}. */
    public static final class Builder {
        private String name;
        private CatalogKind kind;
        private CatalogConfig config;
        private String cloudAccountId;
        private String idempotencyKey;

        private Builder() {
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

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateCatalogRequest build() {
            return new CreateCatalogRequest(name, kind, config, cloudAccountId, idempotencyKey);
        }
    }
}
