package com.lakesail.sdk.infrastructure;

import com.lakesail.sdk.waiter.LifecycleStatus;

/**
 * The status of a cloud account, network, cluster or catalog, classified for waiting: what
 * {@link ResourceHandle#waitUntilActive(java.time.Duration)} and
 * {@link ResourceHandle#waitUntilDestroyed(java.time.Duration)} wait for and give up on. A status
 * this SDK version does not know ({@code UNKNOWN_TO_SDK_VERSION}) is none of these, so a wait goes on.
 *
 * <pre>{@code
 * Cluster cluster = lakesail.clusters().get(id);
 * if (cluster.status().isActive()) { ... }
 * }</pre>
 */
public interface InfrastructureStatus extends LifecycleStatus {

    /** Ready for use; the aim of a create, an update or a verification. */
    boolean isActive();

    /** Being torn down; it can no longer become active. */
    boolean isDestroying();

    /** Torn down for good; the aim of a delete. */
    boolean isDestroyed();

    /** Stopped without reaching its aim; the reason and the stage say why and where. */
    boolean isFailed();
}
