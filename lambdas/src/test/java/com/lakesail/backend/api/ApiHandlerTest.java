package com.lakesail.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreException;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import com.lakesail.backend.testing.TestComponent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The front door's cross-cutting behaviour; the full REST contract is exercised over HTTP in module local. */
class ApiHandlerTest {
    private static final String SIGNUP = "{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"organizationName\":\"acme\"}";

    private final FailingStore store = new FailingStore(new InMemoryStore());
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final ApiHandler api = TestComponent.over(store, clock,
            new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), clock, true)).api();

    @Test
    void handle_whenStoreFailsUnexpectedly_answers500WithoutInternals() {
        String secret = signupSecret();
        store.failWith(new IllegalStateException("SQLITE_BUSY at /home/secret/lakesail.db"));

        ApiResponse response = api.handle(get("/v1/orgs", secret));

        assertEquals(500, response.status());
        JsonNode error = json(response).path("error");
        assertEquals("InternalError", error.path("code").asText());
        assertEquals(response.headers().get("X-Request-Id"), error.path("requestId").asText());
        assertTrue(error.path("message").asText().contains(error.path("requestId").asText()), "quotes the request id");
        assertFalse(response.body().contains("SQLITE_BUSY"), response.body());
        assertFalse(response.body().contains("IllegalStateException"), response.body());
        assertFalse(response.body().contains("at com.lakesail"), response.body());
    }

    @Test
    void handle_whenTheStoreIsThrottled_answers429WithRetryAfter() {
        String secret = signupSecret();
        store.failWith(new StoreException("DynamoDB get on table t was throttled: ...", null, true));

        ApiResponse response = api.handle(get("/v1/orgs", secret));

        assertEquals(429, response.status());
        assertEquals("Throttled", json(response).path("error").path("code").asText());
        assertEquals("1", response.headers().get("Retry-After"));
        assertFalse(response.body().contains("DynamoDB"), response.body());
    }

    @Test
    void handle_whenStoreFailsUnexpectedly_logsTheStackTraceUnderTheRequestId() {
        String secret = signupSecret();
        store.failWith(new IllegalStateException("SQLITE_BUSY"));

        ApiResponse response = api.handle(get("/v1/orgs", secret));

        String requestId = response.headers().get("X-Request-Id");
        JsonNode failure = logLines().stream().filter(l -> l.has("stackTrace")).findFirst().orElseThrow();
        assertEquals(requestId, failure.path("requestId").asText());
        assertEquals("SQLITE_BUSY", failure.path("message").asText());
    }

    @Test
    void handle_whenRequestsAreLogged_eachLineCarriesTheRequestIdAndNoSecret() {
        ApiResponse signup = api.handle(post("/v1/signup", SIGNUP, null, null));
        String secret = json(signup).path("token").path("secret").asText();
        api.handle(get("/v1/me", secret));
        api.handle(get("/v1/me", secret.substring(0, secret.length() - 1) + "x"));
        api.handle(get("/v1/orgs/org_" + secret, secret));

        List<JsonNode> lines = logLines();

        assertEquals(4, lines.size(), logged.toString(StandardCharsets.UTF_8));
        assertEquals(signup.headers().get("X-Request-Id"), lines.get(0).path("requestId").asText());
        assertEquals("/v1/orgs/{orgId}", lines.get(3).path("route").asText(), "the template, not the raw path");
        assertEquals(401, lines.get(2).path("status").asInt());
        assertEquals("Unauthenticated", lines.get(2).path("errorCode").asText());
        String log = logged.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains(secret.substring(4)), log);
        assertFalse(log.contains("ada@example.com"), "no personal data in the request log");
    }

    @Test
    void handle_whenEveryResponse_carriesAFreshRequestId() {
        Set<String> ids = new HashSet<>();
        List<ApiRequest> requests = List.of(post("/v1/signup", SIGNUP, null, null), get("/v1/me", null),
                get("/nowhere", null), new ApiRequest("PUT", "/v1/orgs", null, null, null), post("/v1/signup", "{", null, null));

        for (ApiRequest request : requests) {
            String id = api.handle(request).headers().get("X-Request-Id");
            assertTrue(id != null && id.startsWith("req_"), request.path());
            ids.add(id);
        }

        assertEquals(requests.size(), ids.size());
    }

    @Test
    void handle_whenBodyExactlyAtTheLimit_isParsedNotRefused() {
        String padding = "x".repeat(ApiHandler.MAX_BODY_BYTES - "{\"name\":\"\"}".length());
        String body = "{\"name\":\"" + padding + "\"}";
        assertEquals(ApiHandler.MAX_BODY_BYTES, body.getBytes(StandardCharsets.UTF_8).length);

        ApiResponse response = api.handle(post("/v1/orgs", body, signupSecret(), null));

        assertEquals(400, response.status());
        assertEquals("name", json(response).path("error").path("details").path(0).path("field").asText());
    }

    @Test
    void handle_whenBodyOneByteOverTheLimitInMultiByteCharacters_answers413() {
        // 'é' is two bytes in UTF-8: the limit is on bytes, not characters.
        String body = "{\"name\":\"" + "é".repeat(ApiHandler.MAX_BODY_BYTES / 2) + "\"}";

        ApiResponse response = api.handle(post("/v1/orgs", body, signupSecret(), null));

        assertEquals(413, response.status());
        assertEquals("PayloadTooLarge", json(response).path("error").path("code").asText());
    }

    @Test
    void handle_whenMethodNotAllowed_answers405WithAllowHeader() {
        ApiResponse response = api.handle(new ApiRequest("DELETE", "/v1/orgs", null, null, null));

        assertEquals(405, response.status());
        assertEquals("GET, POST", response.headers().get("Allow"));
        assertEquals("MethodNotAllowed", json(response).path("error").path("code").asText());
    }

    @Test
    void handle_whenIdempotencyKeyMalformed_answers400NamingTheHeader() {
        ApiResponse response = api.handle(post("/v1/orgs", "{\"name\":\"x\"}", signupSecret(), "has spaces in it"));

        assertEquals(400, response.status());
        assertEquals("Idempotency-Key", json(response).path("error").path("details").path(0).path("field").asText());
    }

    @Test
    void handle_whenSameKeyUsedByTwoUsers_eachGetsTheirOwnResource() {
        String ada = signupSecret();
        String bob = secret(api.handle(post("/v1/signup",
                "{\"email\":\"bob@example.com\",\"name\":\"Bob\",\"organizationName\":\"b\"}", null, null)));

        ApiResponse first = api.handle(post("/v1/orgs", "{\"name\":\"shared\"}", ada, "key-1"));
        ApiResponse second = api.handle(post("/v1/orgs", "{\"name\":\"shared\"}", bob, "key-1"));

        assertEquals(201, first.status());
        assertEquals(201, second.status());
        assertNotEquals(json(first).path("id").asText(), json(second).path("id").asText());
    }

    @Test
    void handle_whenKeyReplayedWithReorderedJson_replaysTheFirstResult() {
        String secret = signupSecret();

        ApiResponse first = api.handle(post("/v1/me/tokens", "{\"name\":\"ci\",\"expiresInDays\":7}", secret, "k"));
        ApiResponse replay = api.handle(post("/v1/me/tokens", "{ \"expiresInDays\": 7, \"name\": \"ci\" }", secret, "k"));

        assertEquals(201, replay.status(), replay.body());
        assertEquals(json(first).path("id"), json(replay).path("id"));
        assertEquals("true", replay.headers().get("Idempotent-Replayed"));
        assertTrue(json(first).has("secret"));
        assertFalse(json(replay).has("secret"), "a secret is shown once");
    }

    @Test
    void handle_whenKeyOlderThanRetention_createsAFreshResource() {
        String secret = secret(api.handle(post("/v1/signup", SIGNUP.replace("acme", "a"), null, null)));
        ApiResponse first = api.handle(post("/v1/orgs", "{\"name\":\"o\"}", secret, "k"));

        clock.advance(IdempotencyGate.RETENTION.plus(Duration.ofSeconds(1)));
        ApiResponse later = api.handle(post("/v1/orgs", "{\"name\":\"o\"}", secret, "k"));

        assertEquals(201, later.status(), later.body());
        assertNotEquals(json(first).path("id"), json(later).path("id"));
        assertFalse(later.headers().containsKey("Idempotent-Replayed"));
    }

    private String signupSecret() {
        return secret(api.handle(post("/v1/signup", SIGNUP, null, null)));
    }

    private static String secret(ApiResponse signup) {
        assertEquals(201, signup.status(), signup.body());
        return json(signup).path("token").path("secret").asText();
    }

    private static ApiRequest get(String path, String secret) {
        return new ApiRequest("GET", path, Map.of(), secret == null ? Map.of() : Map.of("Authorization", "Bearer " + secret), null);
    }

    private static ApiRequest post(String path, String body, String secret, String key) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (secret != null) {
            headers.put("Authorization", "Bearer " + secret);
        }
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return new ApiRequest("POST", path, Map.of(), headers, body);
    }

    private List<JsonNode> logLines() {
        return logged.toString(StandardCharsets.UTF_8).lines().map(ApiHandlerTest::parse).toList();
    }

    private static JsonNode json(ApiResponse response) {
        return parse(response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Delegates to a real store until told to fail every call, as a broken database would. */
    private static final class FailingStore implements Store {
        private final Store delegate;
        private volatile RuntimeException failure;

        FailingStore(Store delegate) {
            this.delegate = delegate;
        }

        void failWith(RuntimeException e) {
            failure = e;
        }

        private void maybeFail() {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public Optional<Item> get(Key key) {
            maybeFail();
            return delegate.get(key);
        }

        @Override
        public void put(Item item, Condition condition) {
            maybeFail();
            delegate.put(item, condition);
        }

        @Override
        public void delete(Key key, Condition condition) {
            maybeFail();
            delegate.delete(key, condition);
        }

        @Override
        public Page<Item> query(Query query) {
            maybeFail();
            return delegate.query(query);
        }

        @Override
        public void transact(List<Write> writes) {
            maybeFail();
            delegate.transact(writes);
        }

        @Override
        public long roundTrips() {
            return delegate.roundTrips();
        }
    }
}
