package com.lakesail.sdk.identity;

/**
 * Lists the caller's API tokens.
 *
 * @param limit the page size to ask for; null for the service's default
 */
public record ListTokensRequest(Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().limit(limit);
    }

    /** Builds a {@link ListTokensRequest}. */
    public static final class Builder {
        private Integer limit;

        private Builder() {
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListTokensRequest build() {
            return new ListTokensRequest(limit);
        }
    }
}
