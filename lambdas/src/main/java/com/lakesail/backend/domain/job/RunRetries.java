package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;

/**
 * Automatic retries of a failed run: each is a new run of the same version, naming the run it
 * retries, started {@code intervalSeconds} after that run ended.
 *
 * @param maxAttempts every run counts, the first included: 1 means no retry
 * @param onTimeout   whether a run that exceeded its timeout is retried too
 */
public record RunRetries(int maxAttempts, int intervalSeconds, OnTimeout onTimeout) {
    public static final RunRetries NONE = new RunRetries(1, 60, OnTimeout.STOP);
    public static final int MAX_ATTEMPTS = 10;

    public enum OnTimeout {
        RETRY, STOP
    }

    /** Requested retries; a null field takes its default (1 attempt, 60 s apart, no retry on timeout). */
    public record Input(Integer maxAttempts, Integer intervalSeconds, String onTimeout) {
    }

    static RunRetries validate(Validator v, String field, Input in) {
        if (in == null) {
            return NONE;
        }
        v.range(field + ".maxAttempts", in.maxAttempts(), 1, MAX_ATTEMPTS);
        v.range(field + ".intervalSeconds", in.intervalSeconds(), 0, 86_400);
        OnTimeout onTimeout = in.onTimeout() == null ? OnTimeout.STOP : Wire.parse(OnTimeout.class, in.onTimeout());
        v.require(onTimeout != null, field + ".onTimeout", "must be retry or stop");
        return new RunRetries(in.maxAttempts() == null ? NONE.maxAttempts : in.maxAttempts(),
                in.intervalSeconds() == null ? NONE.intervalSeconds : in.intervalSeconds(),
                onTimeout == null ? OnTimeout.STOP : onTimeout);
    }
}
