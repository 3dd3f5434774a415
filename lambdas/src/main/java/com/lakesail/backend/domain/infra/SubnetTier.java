package com.lakesail.backend.domain.infra;

/** Public subnets route to an internet gateway (load balancers, NAT); private ones hold the nodes. */
public enum SubnetTier {
    PUBLIC, PRIVATE
}
