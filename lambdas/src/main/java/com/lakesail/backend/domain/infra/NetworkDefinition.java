package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Validator;
import java.util.List;
import java.util.Optional;

/**
 * A validated network request: where it lives and the subnets its CIDR carves into.
 *
 * <pre>{@code
 * NetworkDefinition d = NetworkDefinition.validate("prod", "cac_1", "eu-west-1", "10.0.0.0/16",
 *     List.of("eu-west-1a", "eu-west-1b"));
 * }</pre>
 */
public record NetworkDefinition(String name, String cloudAccountId, String region, Ipv4Cidr cidr,
                                List<String> availabilityZones, List<Subnet> subnets) {
    /** Large enough for EKS nodes and pods across zones, small enough to leave room for peers. */
    public static final int MIN_PREFIX = 16;
    public static final int MAX_PREFIX = 24;

    public NetworkDefinition {
        availabilityZones = List.copyOf(availabilityZones);
        subnets = List.copyOf(subnets);
    }

    /** @throws com.lakesail.backend.domain.ValidationException naming every bad field */
    public static NetworkDefinition validate(String name, String cloudAccountId, String region, String cidr,
                                             List<String> availabilityZones) {
        Validator v = new Validator();
        v.name("name", name);
        v.require(cloudAccountId != null && !cloudAccountId.isBlank(), "cloudAccountId", "is required");
        AwsRules.region(v, "region", region);
        Ipv4Cidr block = cidr(v, "cidr", cidr);
        AwsRules.availabilityZones(v, "availabilityZones", availabilityZones, region);
        v.throwIfInvalid();
        return new NetworkDefinition(name, cloudAccountId, region, block, availabilityZones,
                SubnetLayout.carve(block, availabilityZones));
    }

    /** A private, canonical block with a prefix from /16 to /24; null (and a field error) otherwise. */
    static Ipv4Cidr cidr(Validator v, String field, String text) {
        if (text == null) {
            v.require(false, field, "is required");
            return null;
        }
        Ipv4Cidr block;
        try {
            block = Ipv4Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            v.require(false, field, e.getMessage());
            return null;
        }
        v.require(block.prefix() >= MIN_PREFIX && block.prefix() <= MAX_PREFIX, field,
                "must have a prefix from /" + MIN_PREFIX + " to /" + MAX_PREFIX);
        v.require(block.isPrivate(), field, "must be private address space (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)");
        v.require(block.isCanonical(), field, "must be a network address: did you mean " + block.canonical() + "?");
        return block;
    }

    /** The first block in {@code others} that shares addresses with {@code cidr}, if any. */
    public static Optional<Ipv4Cidr> firstOverlap(Ipv4Cidr cidr, List<Ipv4Cidr> others) {
        return others.stream().filter(cidr::overlaps).findFirst();
    }
}
