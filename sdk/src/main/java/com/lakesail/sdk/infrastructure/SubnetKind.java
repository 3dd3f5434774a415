package com.lakesail.sdk.infrastructure;

/**
 * Whether a subnet routes to the internet ({@code public}: load balancers, NAT) or not
 * ({@code private}: the cluster's nodes).
 *
 * <pre>{@code
 * network.subnets().stream().filter(s -> s.kind() == SubnetKind.PRIVATE).map(Subnet::subnetId).toList();
 * }</pre>
 */
public enum SubnetKind {
    PUBLIC,
    PRIVATE,
    /** A kind this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
