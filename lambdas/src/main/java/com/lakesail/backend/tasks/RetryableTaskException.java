package com.lakesail.backend.tasks;

/** A transient failure (throttling, a timeout, a lost write race): the state machine retries the task. */
public final class RetryableTaskException extends TaskException {
    public RetryableTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
