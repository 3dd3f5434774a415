package com.lakesail.sdk.organizations;

/**
 * Lists the organizations the caller belongs to.
 *
 * @param limit the page size to ask for; null for the service's default
 */
public record ListOrganizationsRequest(Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().limit(limit);
    }

    /** Builds a {@link ListOrganizationsRequest}. */
    public static final class Builder {
        private Integer limit;

        private Builder() {
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListOrganizationsRequest build() {
            return new ListOrganizationsRequest(limit);
        }
    }
}
