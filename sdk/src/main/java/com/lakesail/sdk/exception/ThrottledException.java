package com.lakesail.sdk.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 {@code Throttled}: too many requests. Thrown once retries are used up, or at once when the
 * service asks for a longer pause ({@code Retry-After}) than the retry policy's maximum delay.
 */
public class ThrottledException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ThrottledException(ServiceError error) {
        this(error, null);
    }

    public ThrottledException(ServiceError error, Duration retryAfter) {
        super(error);
        this.retryAfter = retryAfter;
    }

    /** How long the service asked to wait before trying again, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
