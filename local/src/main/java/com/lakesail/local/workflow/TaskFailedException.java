package com.lakesail.local.workflow;

import java.util.Objects;

/**
 * Thrown by a {@link TaskHandler} to fail its task the way a Lambda function error does: the
 * {@code error} name is what Retry and Catch match ({@code ErrorEquals}), the {@code cause} is the
 * human-readable detail. Names must not begin with {@code States.}, which the spec reserves.
 */
public class TaskFailedException extends RuntimeException {
    private final String error;
    private final String cause;

    public TaskFailedException(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
