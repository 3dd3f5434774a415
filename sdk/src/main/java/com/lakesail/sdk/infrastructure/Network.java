package com.lakesail.sdk.infrastructure;

import java.time.Instant;
import java.util.List;

/**
 * A VPC in one cloud account and region, with a public and a private subnet in each availability
 * zone, computed from its CIDR. Clusters are created in a network.
 *
 * <pre>{@code
 * Network net = lakesail.networks()
 *     .create(r -> r.name("prod").cloudAccountId(account.id()).region("us-east-1").cidr("10.0.0.0/16"))
 *     .waitUntilActive(Duration.ofMinutes(15));
 * System.out.println(net.vpcId() + " " + net.subnets());
 * }</pre>
 *
 * @param id the network id, {@code net_...}
 * @param name its name
 * @param cloudAccountId the cloud account it lives in
 * @param region the AWS region, e.g. {@code us-east-1}
 * @param cidr its IPv4 block, e.g. {@code 10.0.0.0/16}
 * @param availabilityZones the zones it spans (never null)
 * @param vpcId the VPC's id; null until provisioned
 * @param subnets its subnets, planned at creation, with ids once provisioned (never null)
 * @param orphaned true while its cloud account is disconnected
 * @param status where it is in its lifecycle
 * @param statusReason why it is in its status, e.g. the error that failed it; may be null
 * @param stage the step of the current work, or the one a failure stopped at, in lower snake case
 *     (e.g. {@code create_stack}); may be null
 * @param progress how far the current work is, 0 to 100
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version increases on every change; the expected version of an update
 */
public record Network(String id, String name, String cloudAccountId, String region, String cidr,
        List<String> availabilityZones, String vpcId, List<Subnet> subnets, boolean orphaned, NetworkStatus status,
        String statusReason, String stage, int progress, Instant createdAt, Instant updatedAt, long version)
        implements InfrastructureResource {

    public Network {
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).name(name).cloudAccountId(cloudAccountId).region(region).cidr(cidr)
                .availabilityZones(availabilityZones).vpcId(vpcId).subnets(subnets).orphaned(orphaned).status(status)
                .statusReason(statusReason).stage(stage).progress(progress).createdAt(createdAt).updatedAt(updatedAt)
                .version(version);
    }

    /** Builds a {@link Network}. */
    public static final class Builder {
        private String id;
        private String name;
        private String cloudAccountId;
        private String region;
        private String cidr;
        private List<String> availabilityZones;
        private String vpcId;
        private List<Subnet> subnets;
        private boolean orphaned;
        private NetworkStatus status;
        private String statusReason;
        private String stage;
        private int progress;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder cloudAccountId(String cloudAccountId) {
            this.cloudAccountId = cloudAccountId;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder cidr(String cidr) {
            this.cidr = cidr;
            return this;
        }

        public Builder availabilityZones(List<String> availabilityZones) {
            this.availabilityZones = availabilityZones;
            return this;
        }

        public Builder vpcId(String vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        public Builder subnets(List<Subnet> subnets) {
            this.subnets = subnets;
            return this;
        }

        public Builder orphaned(boolean orphaned) {
            this.orphaned = orphaned;
            return this;
        }

        public Builder status(NetworkStatus status) {
            this.status = status;
            return this;
        }

        public Builder statusReason(String statusReason) {
            this.statusReason = statusReason;
            return this;
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder progress(int progress) {
            this.progress = progress;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Network build() {
            return new Network(id, name, cloudAccountId, region, cidr, availabilityZones, vpcId, subnets, orphaned,
                    status, statusReason, stage, progress, createdAt, updatedAt, version);
        }
    }
}
