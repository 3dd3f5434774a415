package com.lakesail.local.workflow.data;

/**
 * A state failed with a Step Functions error: an error name (e.g. {@code States.Runtime} or a
 * task's own) and an optional human-readable cause. Thrown inside the interpreter and turned into
 * Retry, Catch or a failed execution; never escapes the engine.
 */
public final class StateFailure extends RuntimeException {
    private final String error;
    private final String cause;

    public StateFailure(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public static StateFailure runtime(String cause) {
        return new StateFailure(ErrorNames.RUNTIME, cause);
    }

    public static StateFailure intrinsic(String cause) {
        return new StateFailure(ErrorNames.INTRINSIC_FAILURE, cause);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
