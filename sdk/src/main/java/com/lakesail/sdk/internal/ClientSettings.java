package com.lakesail.sdk.internal;

import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.waiter.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Everything a {@link RestClient} needs, resolved and validated by {@link DefaultLakeSailBuilder}.
 *
 * @param token the bearer token; null only for signup
 * @param jitter yields the random fraction, in [0, 1), of each backoff cap that is slept
 * @param unreachableHint what to tell when the endpoint cannot be reached; may be null
 */
record ClientSettings(URI endpoint, String token, Duration connectTimeout, Duration requestTimeout,
        RetryPolicy retryPolicy, String userAgent, Clock clock, Sleeper sleeper, DoubleSupplier jitter,
        String unreachableHint) {
}
