package com.lakesail.sdk.infrastructure;

import java.util.List;

/**
 * Creates a network: a VPC in a cloud account and region.
 *
 * <pre>{@code
 * lakesail.networks().create(r -> r.name("prod").cloudAccountId(account.id())
 *     .region("us-east-1").cidr("10.0.0.0/16").availabilityZones("us-east-1a", "us-east-1b"));
 * }</pre>
 *
 * @param name a name for the network
 * @param cloudAccountId the active cloud account to build it in
 * @param region the AWS region, e.g. {@code us-east-1}
 * @param cidr a private IPv4 block (RFC 1918, /16 to /24) that overlaps no other network of the
 *     account and region
 * @param availabilityZones the zones to span; null for the region's first three
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateNetworkRequest(String name, String cloudAccountId, String region, String cidr,
        List<String> availabilityZones, String idempotencyKey) {

    public CreateNetworkRequest {
        availabilityZones = availabilityZones == null ? null : List.copyOf(availabilityZones);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).cloudAccountId(cloudAccountId).region(region).cidr(cidr)
                .availabilityZones(availabilityZones).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateNetworkRequest}. */
    public static final class Builder {
        private String name;
        private String cloudAccountId;
        private String region;
        private String cidr;
        private List<String> availabilityZones;
        private String idempotencyKey;

        private Builder() {
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

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Builder availabilityZones(String... availabilityZones) {
            return availabilityZones(List.of(availabilityZones));
        }

        public CreateNetworkRequest build() {
            return new CreateNetworkRequest(name, cloudAccountId, region, cidr, availabilityZones, idempotencyKey);
        }
    }
}
