package com.lakesail.sdk.access;

/**
 * Lists one kind of identity-and-access object of the client's organization, page by page.
 *
 * @param limit the page size to ask for; null for the service's default
 */
public record ListRequest(Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().limit(limit);
    }

    /** Builds a {@link ListRequest}. */
    public static final class Builder {
        private Integer limit;

        private Builder() {
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListRequest build() {
            return new ListRequest(limit);
        }
    }
}
