package com.lakesail.sdk.sessions;

import com.lakesail.sdk.waiter.LifecycleStatus;
import java.util.Locale;

/** A session's lifecycle: {@code pending → active ⇄ idle → closed | failed}. */
public enum SessionStatus implements LifecycleStatus {
    PENDING, ACTIVE, IDLE, CLOSED, FAILED,
    /** A status this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The session takes statements: {@code active} (one is running) or {@code idle}. */
    public boolean isReady() {
        return this == ACTIVE || this == IDLE;
    }

    /** The session has ended: it will not change any more. */
    public boolean isTerminal() {
        return this == CLOSED || this == FAILED;
    }
}
