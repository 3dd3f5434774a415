package com.lakesail.backend.domain.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * Carves a network's CIDR into one private and one public subnet per availability zone. The VPC
 * template, the sandbox cloud and the API all use this one rule, so the subnets a user sees are
 * the subnets that get built.
 *
 * <p>The rule: with {@code n} zones, the block is cut into {@code 2 * p} equal blocks, where
 * {@code p} is {@code n} rounded up to a power of two. The lower half holds the private subnets
 * (block {@code i} for zone {@code i}), the upper half the public ones (block {@code p + i}); blocks
 * left over when {@code n < p} stay free for later growth. So {@code 10.0.0.0/16} over two zones
 * gives private {@code 10.0.0.0/18}, {@code 10.0.64.0/18} and public {@code 10.0.128.0/18},
 * {@code 10.0.192.0/18}; over three zones, {@code /19} blocks. A {@code /24} over four zones gives
 * {@code /27} subnets, above the {@code /28} AWS minimum.
 */
public final class SubnetLayout {
    public static final int MIN_ZONES = 2;
    public static final int MAX_ZONES = 4;

    private SubnetLayout() {
    }

    /** Private subnets first, then public, each in zone order. */
    public static List<Subnet> carve(Ipv4Cidr network, List<String> zones) {
        int n = zones.size();
        if (n < MIN_ZONES || n > MAX_ZONES) {
            throw new IllegalArgumentException("between " + MIN_ZONES + " and " + MAX_ZONES + " zones");
        }
        int perTier = Integer.highestOneBit(n - 1) << 1;
        int bits = Integer.numberOfTrailingZeros(perTier) + 1;
        List<Ipv4Cidr> blocks = network.canonical().split(bits);
        List<Subnet> subnets = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            subnets.add(new Subnet(zones.get(i), SubnetTier.PRIVATE, blocks.get(i).toString(), null));
        }
        for (int i = 0; i < n; i++) {
            subnets.add(new Subnet(zones.get(i), SubnetTier.PUBLIC, blocks.get(perTier + i).toString(), null));
        }
        return List.copyOf(subnets);
    }
}
