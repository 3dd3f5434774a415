package com.lakesail.backend.domain.infra;

/** Who can reach the cluster's Kubernetes API: only the VPC, or also listed public addresses. */
public enum AccessMode {
    PRIVATE, PUBLIC
}
