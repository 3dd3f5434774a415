package com.lakesail.sdk.organizations;

import java.time.Instant;

/**
 * An organization: the tenant every other object belongs to.
 *
 * @param id the organization id, {@code org_...}
 * @param name its name
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version increases on every change; pass it to
 *     {@link OrganizationService#update(UpdateOrganizationRequest)} as the expected version
 */
public record Organization(String id, String name, Instant createdAt, Instant updatedAt, long version) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).name(name).createdAt(createdAt).updatedAt(updatedAt).version(version);
    }

    /** Builds an {@link Organization}. */
    public static final class Builder {
        private String id;
        private String name;
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

        public Organization build() {
            return new Organization(id, name, createdAt, updatedAt, version);
        }
    }
}
