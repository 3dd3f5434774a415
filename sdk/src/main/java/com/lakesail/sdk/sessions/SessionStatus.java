package com.lakesail.sdk.sessions;

import com.lakesail.sdk.waiter.LifecycleStatus;
import java.util.Locale;

/**
 * A session's lifecycle: {@code pending → active ⇄ idle → closed | failed}. {@code active} while a
 * statement waits or runs, {@code idle} once its last one ended; it closes after its idle timeout,
 * on request or when its cluster goes away.
 */
public enum SessionStatus implements LifecycleStatus {
    PENDING, ACTIVE, IDLE, CLOSED, FAILED,
    /** A status this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Ready for statements: {@code active} or {@code idle}. */
    public boolean isOpen() {
        return this == ACTIVE || this == IDLE;
    }

    /** The session has ended: it will not change any more. */
    public boolean isTerminal() {
        return this == CLOSED || this == FAILED;
    }
}
