package com.lakesail.sdk.infrastructure;

/**
 * One subnet of a {@link Network}.
 *
 * <pre>{@code
 * for (Subnet s : network.subnets()) System.out.println(s.availabilityZone() + " " + s.kind() + " " + s.cidr());
 * }</pre>
 *
 * @param availabilityZone its zone, e.g. {@code us-east-1a}
 * @param kind public or private
 * @param cidr its IPv4 block, within the network's
 * @param subnetId the cloud's id, {@code subnet-...}; null until provisioned
 */
public record Subnet(String availabilityZone, SubnetKind kind, String cidr, String subnetId) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().availabilityZone(availabilityZone).kind(kind).cidr(cidr).subnetId(subnetId);
    }

    /** Builds a {@link Subnet}. */
    public static final class Builder {
        private String availabilityZone;
        private SubnetKind kind;
        private String cidr;
        private String subnetId;

        private Builder() {
        }

        public Builder availabilityZone(String availabilityZone) {
            this.availabilityZone = availabilityZone;
            return this;
        }

        public Builder kind(SubnetKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder cidr(String cidr) {
            this.cidr = cidr;
            return this;
        }

        public Builder subnetId(String subnetId) {
            this.subnetId = subnetId;
            return this;
        }

        public Subnet build() {
            return new Subnet(availabilityZone, kind, cidr, subnetId);
        }
    }
}
