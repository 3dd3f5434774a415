package com.lakesail.backend.domain.infra;

import java.util.Objects;

/**
 * One subnet of a network: planned from the CIDR when the network is defined, and given its cloud
 * id once the VPC stack exists.
 *
 * @param subnetId the cloud's id ({@code subnet-...}), or null until provisioned
 */
public record Subnet(String availabilityZone, SubnetTier tier, String cidr, String subnetId) {
    public Subnet {
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(cidr, "cidr");
    }

    public Subnet withSubnetId(String id) {
        return new Subnet(availabilityZone, tier, cidr, id);
    }
}
