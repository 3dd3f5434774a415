package com.lakesail.backend.port;

/**
 * A cloud call failed. {@link #retryable()} tells the workflow whether to try the same stage again
 * (throttling, timeouts, 5xx) or to record the failure with this message as the reason.
 */
public class CloudProviderException extends RuntimeException {
    private final boolean retryable;

    public CloudProviderException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
