package com.lakesail.backend.domain.infra;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A VPC in one cloud account and region, with one private and one public subnet per zone.
 *
 * @param subnets  planned at creation by {@link SubnetLayout}, ids filled in once provisioned
 * @param vpcId    null until provisioned
 * @param orphaned true while its cloud account is disconnected
 */
public record Network(String id, String organizationId, String name, String cloudAccountId, String region, String cidr,
                      List<String> availabilityZones, List<Subnet> subnets, String vpcId,
                      NetworkStatus status, String statusReason, Stage stage, int progress, boolean orphaned,
                      Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "net";

    public Network {
        availabilityZones = List.copyOf(availabilityZones);
        subnets = List.copyOf(subnets);
    }

    public static Network create(String id, String organizationId, NetworkDefinition d, Instant at) {
        return new Network(id, organizationId, d.name(), d.cloudAccountId(), d.region(), d.cidr().toString(),
                d.availabilityZones(), d.subnets(), null, NetworkStatus.PENDING, null, null, 0, false, at, at, 1);
    }

    /**
     * Enters {@code to} at {@code stage} (null when the lifecycle rests). Staying in the same status
     * moves to the next stage; a failure keeps the stage it stopped at and the progress it reached.
     */
    public Network moveTo(NetworkStatus to, Stage nextStage, String reason, Instant at) {
        if (to != status) {
            NetworkStatus.LIFECYCLE.check(status, to);
        }
        int nextProgress = Progress.of(to == NetworkStatus.FAILED, NetworkStatus.LIFECYCLE.isTerminal(to)
                || to == NetworkStatus.ACTIVE, nextStage, progress);
        Stage recorded = to == NetworkStatus.FAILED && nextStage == null ? stage : nextStage;
        return new Network(id, organizationId, name, cloudAccountId, region, cidr, availabilityZones, subnets, vpcId,
                to, reason, recorded, nextProgress, orphaned, createdAt, at, version + 1);
    }

    /** Records the VPC stack's outputs and becomes {@code active}. */
    public Network provisioned(String newVpcId, Map<String, String> subnetIdsByCidr, Instant at) {
        NetworkStatus.LIFECYCLE.check(status, NetworkStatus.ACTIVE);
        List<Subnet> built = subnets.stream().map(s -> s.withSubnetId(subnetIdsByCidr.get(s.cidr()))).toList();
        if (built.stream().anyMatch(s -> s.subnetId() == null)) {
            throw new IllegalArgumentException("the stack did not report an id for every planned subnet");
        }
        return new Network(id, organizationId, name, cloudAccountId, region, cidr, availabilityZones, built, newVpcId,
                NetworkStatus.ACTIVE, null, null, 100, orphaned, createdAt, at, version + 1);
    }

    /** The same stage, further along (a poll saw the stack still working); progress never goes back. */
    public Network withProgress(int value, Instant at) {
        return new Network(id, organizationId, name, cloudAccountId, region, cidr, availabilityZones, subnets, vpcId,
                status, statusReason, stage, Math.max(progress, Math.min(99, value)), orphaned, createdAt, at, version + 1);
    }

    public Network withOrphaned(boolean value, Instant at) {
        return new Network(id, organizationId, name, cloudAccountId, region, cidr, availabilityZones, subnets, vpcId,
                status, statusReason, stage, progress, value, createdAt, at, version + 1);
    }

    public Ipv4Cidr block() {
        return Ipv4Cidr.parse(cidr);
    }
}
