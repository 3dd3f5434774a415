package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.testing.FakeClock;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RetryPolicy policy = RetryPolicy.builder().baseDelay(Duration.ofMillis(100))
            .maxDelay(Duration.ofSeconds(1)).build();

    @Test
    void backoff_whenJitterAtItsTop_doublesPerAttemptUpToMaxDelay() {
        RetryDelays delays = new RetryDelays(policy, clock, () -> 1.0);

        assertEquals(Duration.ofMillis(100), delays.backoff(1));
        assertEquals(Duration.ofMillis(200), delays.backoff(2));
        assertEquals(Duration.ofMillis(800), delays.backoff(4));
        assertEquals(Duration.ofSeconds(1), delays.backoff(5));
        assertEquals(Duration.ofSeconds(1), delays.backoff(100));
    }

    @Test
    void backoff_whenJitterVaries_scalesTheCapFromZero() {
        assertEquals(Duration.ZERO, new RetryDelays(policy, clock, () -> 0.0).backoff(3));
        assertEquals(Duration.ofMillis(100), new RetryDelays(policy, clock, () -> 0.25).backoff(3));
    }

    @Test
    void retryAfter_whenSeconds_returnsThem() {
        assertEquals(Duration.ofSeconds(12), delays().retryAfter(headers(" 12 ")));
    }

    @Test
    void retryAfter_whenHttpDate_returnsTimeUntilIt() {
        assertEquals(Duration.ofSeconds(90), delays().retryAfter(headers("Tue, 01 Jan 2030 00:01:30 GMT")));
    }

    @Test
    void retryAfter_whenHttpDateInPast_returnsZero() {
        assertEquals(Duration.ZERO, delays().retryAfter(headers("Mon, 31 Dec 2029 23:00:00 GMT")));
    }

    @Test
    void retryAfter_whenAbsentOrUnreadable_returnsNull() {
        assertNull(delays().retryAfter(HttpHeaders.of(Map.of(), (name, value) -> true)));
        assertNull(delays().retryAfter(headers("soon")));
        assertNull(delays().retryAfter(headers("99999999999999999999999")));
    }

    private RetryDelays delays() {
        return new RetryDelays(policy, clock, () -> 0.5);
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (name, value) -> true);
    }
}
