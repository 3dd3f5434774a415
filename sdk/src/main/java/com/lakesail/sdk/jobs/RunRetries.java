package com.lakesail.sdk.jobs;

/**
 * Automatic retries: a run that failed (or timed out, with {@link OnTimeout#RETRY}) is followed
 * {@code intervalSeconds} later by a new run of the same version naming it, up to {@code maxAttempts}
 * runs in all. Null fields take the defaults (1 attempt, 60 s, stop on timeout).
 *
 * <pre>{@code
 * RunRetries retries = new RunRetries(3, 120, RunRetries.OnTimeout.RETRY);
 * }</pre>
 */
public record RunRetries(Integer maxAttempts, Integer intervalSeconds, OnTimeout onTimeout) {

    /** Whether a run that timed out is retried. */
    public enum OnTimeout {
        RETRY, STOP, UNKNOWN_TO_SDK_VERSION
    }
}
