package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.IdempotencyKeyReusedException;
import com.lakesail.sdk.exception.InternalErrorException;
import com.lakesail.sdk.exception.LakeSailIoException;
import com.lakesail.sdk.exception.ThrottledException;
import com.lakesail.sdk.exception.ValidationException;
import com.lakesail.sdk.testing.FakeClock;
import com.lakesail.sdk.testing.RecordingSleeper;
import com.lakesail.sdk.testing.StubServer;
import com.lakesail.sdk.testing.StubServer.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
    private static final String ORG = "{\"id\": \"org_1\", \"name\": \"acme\", \"version\": 1}";
    private static final String TOKEN = "{\"id\": \"tok_1\", \"name\": \"ci\", \"prefix\": \"lsk_abcd\", \"secret\": \"lsk_abcdefg\"}";

    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = client(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofSeconds(20)).build());
    }

    private LakeSail client(RetryPolicy policy) {
        return new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test").organization("org_1")
                .retryPolicy(policy).clock(clock).sleeper(sleeper).jitter(() -> 0.5).build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    @Test
    void get_whenThrottledWithRetryAfterSeconds_waitsThatLongThenSucceeds() {
        server.replyError(429, "Throttled", "slow down");
        server.reply(429, "{\"error\": {\"code\": \"Throttled\", \"message\": \"slow down\"}}", "Retry-After", "3");
        server.reply(200, ORG);

        assertEquals("acme", lakesail.organizations().get().name());

        assertEquals(3, server.requests().size());
        // First pause: full jitter, half (the fake jitter) of the 100 ms base; second: Retry-After.
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofSeconds(3)), sleeper.pauses());
    }

    @Test
    void get_whenUnavailableWithRetryAfterDate_waitsUntilThatDate() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plusSeconds(5).atZone(ZoneOffset.UTC));
        server.reply(503, null, "Retry-After", inFiveSeconds);
        server.reply(200, ORG);

        lakesail.organizations().get();

        assertEquals(List.of(Duration.ofSeconds(5)), sleeper.pauses());
    }

    @Test
    void get_whenServerErrorsPersist_throwsAfterMaxAttemptsWithGrowingBackoff() {
        for (int i = 0; i < 4; i++) {
            server.replyError(500, "InternalError", "boom");
        }

        assertThrows(InternalErrorException.class, () -> lakesail.me().get());

        assertEquals(4, server.requests().size());
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.pauses());
    }

    @Test
    void create_whenConnectionDropped_retriesAndSucceeds() {
        server.dropConnection();
        server.reply(201, ORG);

        assertEquals("org_1", lakesail.organizations().create(r -> r.name("acme")).id());

        assertEquals(2, server.requests().size());
        assertEquals(List.of(Duration.ofMillis(50)), sleeper.pauses());
    }

    @Test
    void get_whenConnectionDropsEveryTime_throwsIoExceptionAfterMaxAttempts() {
        // The JDK client itself resends a GET once on an early close, so script enough drops for both.
        for (int i = 0; i < 8; i++) {
            server.dropConnection();
        }

        LakeSailIoException e = assertThrows(LakeSailIoException.class, () -> lakesail.me().get());

        assertEquals(4, e.attempts());
        assertEquals(3, sleeper.pauses().size());
        assertNotNull(e.getCause());
    }

    @Test
    void get_whenRetryAfterExceedsMaxDelay_throwsAtOnceWithoutWaiting() {
        server.reply(429, "{\"error\": {\"code\": \"Throttled\", \"message\": \"come back later\"}}", "Retry-After", "3600");

        ThrottledException e = assertThrows(ThrottledException.class, () -> lakesail.me().get());

        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        assertEquals(1, server.requests().size());
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void get_whenRetryPolicyNone_sendsOnce() {
        lakesail.close();
        lakesail = client(RetryPolicy.none());
        server.replyError(503, "InternalError", "unavailable");

        assertThrows(InternalErrorException.class, () -> lakesail.me().get());

        assertEquals(1, server.requests().size());
    }

    @Test
    void create_whenValidationError_doesNotRetry() {
        server.replyError(400, "ValidationError", "name is required");

        assertThrows(ValidationException.class, () -> lakesail.organizations().create(r -> r.name("")));

        assertEquals(1, server.requests().size());
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void update_whenConflict_doesNotRetry() {
        server.replyError(409, "Conflict", "stale version");

        assertThrows(ConflictException.class, () -> lakesail.organizations().update(r -> r.name("x").version(1)));

        assertEquals(1, server.requests().size());
    }

    @Test
    void create_whenIdempotencyKeyReused_doesNotRetry() {
        server.replyError(409, "IdempotencyKeyReused", "key used with another body");

        assertThrows(IdempotencyKeyReusedException.class, () -> lakesail.tokens().create(r -> r.name("ci")));

        assertEquals(1, server.requests().size());
    }

    @Test
    void create_whenRetriedAfterServerErrorAndDrop_sendsSameIdempotencyKeyEveryTime() {
        server.replyError(500, "InternalError", "boom");
        server.dropConnection();
        server.reply(201, TOKEN);

        lakesail.tokens().create(r -> r.name("ci"));

        List<RecordedRequest> requests = server.requests();
        assertEquals(3, requests.size());
        String key = requests.get(0).header("Idempotency-Key");
        assertNotNull(key);
        assertEquals(key, requests.get(1).header("Idempotency-Key"));
        assertEquals(key, requests.get(2).header("Idempotency-Key"));
        assertEquals(requests.get(0).body(), requests.get(2).body());
    }

    @Test
    void create_whenCalledTwice_sendsDifferentIdempotencyKeys() {
        server.reply(201, ORG);
        server.reply(201, ORG);

        lakesail.organizations().create(r -> r.name("acme"));
        lakesail.organizations().create(r -> r.name("acme"));

        assertNotEquals(server.request(0).header("Idempotency-Key"), server.request(1).header("Idempotency-Key"));
    }

    @Test
    void create_whenCallerSetsIdempotencyKey_sendsItOnEveryAttempt() {
        server.replyError(503, "InternalError", "unavailable");
        server.reply(201, ORG);

        lakesail.organizations().create(r -> r.name("acme").idempotencyKey("my-key-1"));

        assertEquals("my-key-1", server.request(0).header("Idempotency-Key"));
        assertEquals("my-key-1", server.request(1).header("Idempotency-Key"));
    }

    @Test
    void get_whenNotACreate_sendsNoIdempotencyKey() {
        server.reply(200, ORG);

        lakesail.organizations().get();

        assertEquals(null, server.request(0).header("Idempotency-Key"));
    }
}
