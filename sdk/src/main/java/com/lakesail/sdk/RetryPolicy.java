package com.lakesail.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries throttled (429), failed (5xx) and unsent (I/O error) requests: up to
 * {@code maxAttempts} sends in all, waiting a random time between zero and
 * {@code min(maxDelay, baseDelay * 2^(attempt - 1))} ("full jitter") in between, or exactly the
 * {@code Retry-After} the service asked for. A {@code Retry-After} longer than {@code maxDelay}
 * ends the retries at once, so no call blocks longer than the policy allows.
 *
 * <pre>{@code
 * LakeSail lakesail = LakeSail.builder().endpoint(uri).token(token)
 *     .retryPolicy(RetryPolicy.builder().maxAttempts(6).maxDelay(Duration.ofSeconds(5)).build())
 *     .build();
 * }</pre>
 *
 * @param maxAttempts sends in all, at least 1 (1 means no retry)
 * @param baseDelay the backoff's first cap
 * @param maxDelay the largest pause between two sends
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    private static final RetryPolicy DEFAULT = builder().build();

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, was " + baseDelay + " and " + maxDelay);
        }
    }

    /** Four attempts, 100 ms base delay, 20 s maximum delay. */
    public static RetryPolicy defaultPolicy() {
        return DEFAULT;
    }

    /** Sends every request once. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).baseDelay(baseDelay).maxDelay(maxDelay);
    }

    /** Builds a {@link RetryPolicy}; unset values take the defaults. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(100);
        private Duration maxDelay = Duration.ofSeconds(20);

        private Builder() {
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
            return this;
        }

        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, baseDelay, maxDelay);
        }
    }
}
