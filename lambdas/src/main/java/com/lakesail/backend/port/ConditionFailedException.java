package com.lakesail.backend.port;

import java.util.OptionalInt;

/**
 * A write's condition did not hold: the item exists, is missing, or has another version. In a
 * transaction, {@link #failedWrite()} names the write at fault when the store can tell.
 */
public class ConditionFailedException extends RuntimeException {
    private final int failedWrite;

    public ConditionFailedException(String message) {
        this(message, -1);
    }

    public ConditionFailedException(String message, int failedWrite) {
        super(message, null, false, false);
        this.failedWrite = failedWrite;
    }

    public OptionalInt failedWrite() {
        return failedWrite < 0 ? OptionalInt.empty() : OptionalInt.of(failedWrite);
    }
}
