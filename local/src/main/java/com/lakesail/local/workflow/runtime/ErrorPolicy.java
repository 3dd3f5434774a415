package com.lakesail.local.workflow.runtime;

import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.data.ErrorNames;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Retry and Catch decisions. The first retrier whose ErrorEquals matches decides: it retries
 * while its own attempt count (per visit of the state) is below MaxAttempts, waiting
 * {@code IntervalSeconds × BackoffRate^n}, capped by MaxDelaySeconds, randomised between 0 and that
 * with JitterStrategy FULL; once exhausted, the catchers are scanned in order.
 */
final class ErrorPolicy {
    private final RandomGenerator random;

    ErrorPolicy(RandomGenerator random) {
        this.random = random;
    }

    /** The backoff in milliseconds before the next attempt (counting it), or -1 for no retry. */
    long retryDelay(State s, Branch b, String error) {
        List<State.Retrier> retriers = s.retry();
        for (int i = 0; i < retriers.size(); i++) {
            State.Retrier retrier = retriers.get(i);
            if (!ErrorNames.matches(retrier.errorEquals(), error)) {
                continue;
            }
            if (b.retries.length < retriers.size()) {
                b.retries = Arrays.copyOf(b.retries, retriers.size());
            }
            int attempt = b.retries[i];
            if (attempt >= retrier.maxAttempts()) {
                return -1;
            }
            b.retries[i]++;
            b.retryCount++;
            double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
            if (retrier.maxDelaySeconds() != null) {
                seconds = Math.min(seconds, retrier.maxDelaySeconds());
            }
            long millis = (long) Math.min(seconds * 1000, Long.MAX_VALUE / 4);
            return retrier.fullJitter() ? (long) (random.nextDouble() * millis) : millis;
        }
        return -1;
    }

    State.Catcher catcher(State s, String error) {
        for (State.Catcher catcher : s.catchers()) {
            if (ErrorNames.matches(catcher.errorEquals(), error)) {
                return catcher;
            }
        }
        return null;
    }
}
