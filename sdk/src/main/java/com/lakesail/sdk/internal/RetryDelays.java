package com.lakesail.sdk.internal;

import com.lakesail.sdk.RetryPolicy;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/** How long to pause before the next attempt. */
final class RetryDelays {
    private final RetryPolicy policy;
    private final Clock clock;
    private final DoubleSupplier jitter;

    RetryDelays(RetryPolicy policy, Clock clock, DoubleSupplier jitter) {
        this.policy = policy;
        this.clock = clock;
        this.jitter = jitter;
    }

    /**
     * Full jitter: a uniformly random pause up to {@code min(maxDelay, baseDelay * 2^(attempt-1))},
     * which spreads out clients that failed together better than a fixed backoff.
     *
     * @param attempt how many attempts were made so far, from 1
     */
    Duration backoff(int attempt) {
        double cap = Math.min(policy.maxDelay().toNanos(), policy.baseDelay().toNanos() * Math.pow(2, attempt - 1));
        return Duration.ofNanos((long) (jitter.getAsDouble() * cap));
    }

    /**
     * The pause a {@code Retry-After} header asks for, in delay-seconds or as an HTTP date; null
     * when absent or unreadable. A date in the past means no pause.
     */
    Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration untilDate = Duration.between(clock.instant(), date.toInstant());
            return untilDate.isNegative() ? Duration.ZERO : untilDate;
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
