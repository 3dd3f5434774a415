package com.lakesail.sdk.sessions;

import com.lakesail.sdk.waiter.LifecycleStatus;
import java.util.Locale;

/** A statement's lifecycle: {@code pending → running → succeeded | failed | cancelled}. */
public enum StatementStatus implements LifecycleStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED,
    /** A status this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statement has ended: it will not change any more. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public boolean isSuccess() {
        return this == SUCCEEDED;
    }
}
