package com.lakesail.backend.tasks;

/** The stage failed for good; the message is the reason recorded on the resource, in words a user can act on. */
public final class StageFailedException extends TaskException {
    public StageFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public StageFailedException(String message) {
        super(message, null);
    }
}
