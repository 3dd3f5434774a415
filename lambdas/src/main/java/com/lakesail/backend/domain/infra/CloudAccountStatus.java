package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Lifecycle;

/**
 * A cloud account is usable once its role has been assumed with the ExternalId. Re-verification
 * passes through {@code verifying} again; when it fails for an account that had been active the
 * account is {@code disconnected} (its networks and clusters are orphaned until it is repaired),
 * otherwise {@code failed}. Both are repaired by verifying again.
 */
public enum CloudAccountStatus {
    PENDING, VERIFYING, ACTIVE, FAILED, DISCONNECTED;

    public static final Lifecycle<CloudAccountStatus> LIFECYCLE = Lifecycle.of(CloudAccountStatus.class)
            .allow(PENDING, VERIFYING)
            .allow(VERIFYING, ACTIVE, FAILED, DISCONNECTED)
            .allow(ACTIVE, VERIFYING)
            .allow(FAILED, VERIFYING)
            .allow(DISCONNECTED, VERIFYING)
            .build();
}
