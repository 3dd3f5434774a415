package com.lakesail.sdk.sessions;

import java.util.Locale;

/** A statement's lifecycle: {@code pending → running → succeeded | failed | cancelled}. */
public enum StatementStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED,
    /** A status this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statement has ended: it will not change any more. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
