package com.lakesail.sdk.infrastructure;

import java.util.List;

/**
 * Who can reach a cluster's Kubernetes API: only its network, or also the listed public CIDRs.
 * Public access always names its sources; whoever wants the whole internet writes
 * {@code 0.0.0.0/0}.
 *
 * <pre>{@code
 * lakesail.clusters().create(r -> r.name("prod").networkId(net.id())
 *     .accessPolicy(AccessPolicy.publicFrom("203.0.113.0/24", "198.51.100.7/32")));
 * }</pre>
 *
 * @param mode private or public
 * @param allowedCidrs the public sources allowed in; empty when private (never null)
 */
public record AccessPolicy(AccessMode mode, List<String> allowedCidrs) {

    public AccessPolicy {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().mode(mode).allowedCidrs(allowedCidrs);
    }

    /** Reachable only from inside the cluster's network. */
    public static AccessPolicy privateOnly() {
        return new AccessPolicy(AccessMode.PRIVATE, List.of());
    }

    /**
     * Reachable from inside the network and from these public CIDRs.
     *
     * @throws IllegalArgumentException if no CIDR is given
     * @throws NullPointerException if a CIDR is null
     */
    public static AccessPolicy publicFrom(String... allowedCidrs) {
        if (allowedCidrs.length == 0) {
            throw new IllegalArgumentException("a public access policy needs at least one CIDR");
        }
        return new AccessPolicy(AccessMode.PUBLIC, List.of(allowedCidrs));
    }

    /** Builds an {@link AccessPolicy}. */
    public static final class Builder {
        private AccessMode mode;
        private List<String> allowedCidrs;

        private Builder() {
        }

        public Builder mode(AccessMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder allowedCidrs(List<String> allowedCidrs) {
            this.allowedCidrs = allowedCidrs;
            return this;
        }

        public AccessPolicy build() {
            return new AccessPolicy(mode, allowedCidrs);
        }
    }
}
