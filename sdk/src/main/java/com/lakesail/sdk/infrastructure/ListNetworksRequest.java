package com.lakesail.sdk.infrastructure;

/**
 * Lists the organization's networks, optionally those of one cloud account.
 *
 * <pre>{@code
 * lakesail.networks().list(r -> r.cloudAccountId(account.id())).forEach(n -> System.out.println(n.cidr()));
 * }</pre>
 *
 * @param cloudAccountId only the networks of this cloud account; null for all
 * @param limit the page size to ask for; null for the service's default
 */
public record ListNetworksRequest(String cloudAccountId, Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().cloudAccountId(cloudAccountId).limit(limit);
    }

    /** Builds a {@link ListNetworksRequest}. */
    public static final class Builder {
        private String cloudAccountId;
        private Integer limit;

        private Builder() {
        }

        public Builder cloudAccountId(String cloudAccountId) {
            this.cloudAccountId = cloudAccountId;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListNetworksRequest build() {
            return new ListNetworksRequest(cloudAccountId, limit);
        }
    }
}
