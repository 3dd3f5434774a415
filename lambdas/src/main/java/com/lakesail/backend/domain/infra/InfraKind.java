package com.lakesail.backend.domain.infra;

/** The infrastructure objects with a lifecycle; also the first part of a sandbox fault spec. */
public enum InfraKind {
    CLOUD_ACCOUNT, NETWORK, CLUSTER, CATALOG
}
