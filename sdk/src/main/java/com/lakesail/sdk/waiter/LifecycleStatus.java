package com.lakesail.sdk.waiter;

/**
 * A lifecycle resource's status; the status enums of such resources implement it.
 */
public interface LifecycleStatus {

    /** The status as the API spells it, in lower snake case, e.g. {@code creating_sail}. */
    String value();
}
