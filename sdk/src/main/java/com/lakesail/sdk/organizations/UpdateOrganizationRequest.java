package com.lakesail.sdk.organizations;

/**
 * Changes an organization, if it is still at the expected version.
 *
 * @param organizationId the organization; null for the client's organization
 * @param name the new name; null to keep it
 * @param version the version the caller last read; a stale one fails with
 *     {@link com.lakesail.sdk.exception.ConflictException}
 */
public record UpdateOrganizationRequest(String organizationId, String name, Long version) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().organizationId(organizationId).name(name).version(version);
    }

    /** Builds an {@link UpdateOrganizationRequest}. */
    public static final class Builder {
        private String organizationId;
        private String name;
        private Long version;

        private Builder() {
        }

        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        /** Convenience for {@code version(Long)} with a literal. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public UpdateOrganizationRequest build() {
            return new UpdateOrganizationRequest(organizationId, name, version);
        }
    }
}
