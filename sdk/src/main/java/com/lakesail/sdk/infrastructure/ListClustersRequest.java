package com.lakesail.sdk.infrastructure;

/**
 * Lists the organization's clusters, optionally those of one network.
 *
 * <pre>{@code
 * lakesail.clusters().list(r -> r.networkId(net.id())).forEach(c -> System.out.println(c.name()));
 * }</pre>
 *
 * @param networkId only the clusters of this network; null for all
 * @param limit the page size to ask for; null for the service's default
 */
public record ListClustersRequest(String networkId, Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().networkId(networkId).limit(limit);
    }

    /** Builds a {@link ListClustersRequest}. */
    public static final class Builder {
        private String networkId;
        private Integer limit;

        private Builder() {
        }

        public Builder networkId(String networkId) {
            this.networkId = networkId;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListClustersRequest build() {
            return new ListClustersRequest(networkId, limit);
        }
    }
}
