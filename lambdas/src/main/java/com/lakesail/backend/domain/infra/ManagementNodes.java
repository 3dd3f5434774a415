package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Validator;
import java.util.regex.Pattern;

/**
 * The cluster's always-on node group, where the Sail servers and system pods run. On-demand
 * compute for jobs scales separately.
 */
public record ManagementNodes(String instanceType, int min, int desired, int max, int diskGiB) {
    public static final ManagementNodes DEFAULT = new ManagementNodes("m8g.large", 1, 2, 3, 100);
    public static final int MAX_NODES = 50;
    /** EKS's own floor for a node root volume, and a ceiling well past any management need. */
    public static final int MIN_DISK_GIB = 20;
    public static final int MAX_DISK_GIB = 2048;

    /** EC2 instance type: a family with a generation digit ({@code m8g}, {@code c7gn}), a dot, a size. */
    private static final Pattern INSTANCE_TYPE = Pattern.compile(
            "^[a-z][a-z0-9-]{0,15}\\.(nano|micro|small|medium|large|xlarge|[1-9][0-9]{0,2}xlarge|metal(-[1-9][0-9]{0,2}xl)?)$");

    /** This with each non-null argument replacing its field: defaults on create, current sizes on resize. */
    public ManagementNodes merge(String instanceType, Integer min, Integer desired, Integer max, Integer diskGiB) {
        return new ManagementNodes(instanceType != null ? instanceType : this.instanceType,
                min != null ? min : this.min, desired != null ? desired : this.desired,
                max != null ? max : this.max, diskGiB != null ? diskGiB : this.diskGiB);
    }

    public void validate(Validator v, String field) {
        v.require(instanceType != null && INSTANCE_TYPE.matcher(instanceType).matches()
                        && instanceType.substring(0, instanceType.indexOf('.')).chars().anyMatch(Character::isDigit),
                field + ".instanceType", "must be an EC2 instance type such as m8g.large");
        v.require(min >= 1 && min <= MAX_NODES, field + ".min", "must be between 1 and " + MAX_NODES);
        v.require(max >= 1 && max <= MAX_NODES, field + ".max", "must be between 1 and " + MAX_NODES);
        v.require(min <= max, field + ".min", "must not exceed max (" + max + ")");
        v.require(desired >= min && desired <= max, field + ".desired",
                "must be between min (" + min + ") and max (" + max + ")");
        v.require(diskGiB >= MIN_DISK_GIB && diskGiB <= MAX_DISK_GIB, field + ".diskGiB",
                "must be between " + MIN_DISK_GIB + " and " + MAX_DISK_GIB);
    }
}
