package com.lakesail.backend.port;

/** A workflow call the engine refused: an unknown state machine or execution, an invalid request. */
public class WorkflowException extends RuntimeException {
    public WorkflowException(String message) {
        super(message);
    }

    public WorkflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
