package com.lakesail.backend.port;

/** A Kubernetes call failed; {@link #retryable()} as for {@link CloudProviderException}. */
public class ComputeRuntimeException extends RuntimeException {
    private final boolean retryable;

    public ComputeRuntimeException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
