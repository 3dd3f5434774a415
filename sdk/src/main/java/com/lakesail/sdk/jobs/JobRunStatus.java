package com.lakesail.sdk.jobs;

import com.lakesail.sdk.waiter.LifecycleStatus;
import java.util.Locale;

/**
 * A run's lifecycle: {@code pending → ready → starting → creating_sail → waiting_for_sail →
 * creating_runner → running → succeeded | failed | cancelled | timeout}.
 *
 * <pre>{@code
 * if (run.status().isTerminal() && !run.status().isSuccess()) {
 *     System.err.println(run.termination().message());
 * }
 * }</pre>
 */
public enum JobRunStatus implements LifecycleStatus {
    PENDING, READY, STARTING, CREATING_SAIL, WAITING_FOR_SAIL, CREATING_RUNNER, RUNNING,
    SUCCEEDED, FAILED, CANCELLED, TIMEOUT,
    /** A status this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The run has ended: it will not change any more. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == TIMEOUT;
    }

    public boolean isSuccess() {
        return this == SUCCEEDED;
    }
}
