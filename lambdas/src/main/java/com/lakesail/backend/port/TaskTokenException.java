package com.lakesail.backend.port;

/**
 * A task token that no task is waiting on any more: malformed, unknown, or its task already
 * finished, timed out or was aborted. Callers that signal late (a worker finishing after a
 * timeout) may ignore it.
 */
public class TaskTokenException extends WorkflowException {
    public TaskTokenException(String message) {
        super(message);
    }

    public TaskTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
