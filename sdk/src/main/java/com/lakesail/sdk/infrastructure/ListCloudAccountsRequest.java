package com.lakesail.sdk.infrastructure;

/**
 * Lists the organization's cloud accounts.
 *
 * <pre>{@code
 * lakesail.cloudAccounts().list(r -> r.limit(20)).forEach(a -> System.out.println(a.name()));
 * }</pre>
 *
 * @param limit the page size to ask for; null for the service's default
 */
public record ListCloudAccountsRequest(Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().limit(limit);
    }

    /** Builds a {@link ListCloudAccountsRequest}. */
    public static final class Builder {
        private Integer limit;

        private Builder() {
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListCloudAccountsRequest build() {
            return new ListCloudAccountsRequest(limit);
        }
    }
}
