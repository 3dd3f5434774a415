package com.lakesail.sdk.infrastructure;

/**
 * The sizes of a cluster's management node group. In a request, fields left null take the
 * service's values: the defaults on create ({@link #defaults()}), the current sizes on update.
 *
 * <pre>{@code
 * ManagementNodes bigger = cluster.managementNodes().toBuilder().desired(4).max(6).build();
 * ManagementNodes standard = ManagementNodes.defaults();
 * }</pre>
 *
 * @param instanceType the EC2 instance type, e.g. {@code m8g.large}
 * @param min the fewest nodes
 * @param desired the nodes to run now, between min and max
 * @param max the most nodes
 * @param diskGiB each node's root volume in GiB
 */
public record ManagementNodes(String instanceType, Integer min, Integer desired, Integer max, Integer diskGiB) {
    private static final ManagementNodes DEFAULTS = new ManagementNodes("m8g.large", 1, 2, 3, 100);

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().instanceType(instanceType).min(min).desired(desired).max(max).diskGiB(diskGiB);
    }

    /** The product's defaults: {@code m8g.large}, min 1, desired 2, max 3, 100 GiB. */
    public static ManagementNodes defaults() {
        return DEFAULTS;
    }

    /** Builds a {@link ManagementNodes}. */
    public static final class Builder {
        private String instanceType;
        private Integer min;
        private Integer desired;
        private Integer max;
        private Integer diskGiB;

        private Builder() {
        }

        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        public Builder min(Integer min) {
            this.min = min;
            return this;
        }

        public Builder desired(Integer desired) {
            this.desired = desired;
            return this;
        }

        public Builder max(Integer max) {
            this.max = max;
            return this;
        }

        public Builder diskGiB(Integer diskGiB) {
            this.diskGiB = diskGiB;
            return this;
        }

        public ManagementNodes build() {
            return new ManagementNodes(instanceType, min, desired, max, diskGiB);
        }
    }
}
