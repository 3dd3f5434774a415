package com.lakesail.sdk.waiter;

/**
 * A resource driven by slow infrastructure work (cloud account, network, cluster, catalog, job
 * run, session), as seen in one read. The model types of such resources implement this so a
 * {@link Waiter} can follow them.
 */
public interface Lifecycle {

    LifecycleStatus status();

    /** Why the resource is in its status, e.g. the error that failed it; may be null. */
    String statusReason();

    /** The step of the current work, e.g. {@code creating_node_group}; may be null. */
    String stage();

    /** How far the current work is, 0 to 100. */
    int progress();

    /** True when the resource reached the status its current work aims for, such as active. */
    boolean isTerminalSuccess();

    /** True when the resource's work stopped for good without reaching its aim, such as failed. */
    boolean isTerminalFailure();
}
