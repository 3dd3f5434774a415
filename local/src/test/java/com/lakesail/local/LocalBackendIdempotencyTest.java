package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance: a create replayed with the same Idempotency-Key yields the same resource, never a second. */
class LocalBackendIdempotencyTest {
    private static LocalBackend backend;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
        api = new HttpApi(backend.endpoint());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void createOrganization_whenReplayedWithSameKey_returnsTheSameOrganizationOnce() {
        Account account = api.signup();
        String key = UUID.randomUUID().toString();

        Response first = api.post("/v1/orgs", account.token(), "{\"name\":\"acme\"}", "Idempotency-Key", key);
        Response replay = api.post("/v1/orgs", account.token(), "{\"name\":\"acme\"}", "Idempotency-Key", key);

        assertEquals(201, first.status(), first.toString());
        assertEquals(201, replay.status(), replay.toString());
        assertEquals(first.json(), replay.json(), "the replay is the first result");
        assertEquals("true", replay.header("Idempotent-Replayed").orElse(null));
        assertNotEquals(first.requestId(), replay.requestId());
        assertEquals(List.of(account.organizationId(), first.json().path("id").asText()).stream().sorted().toList(),
                organizationIds(account));
    }

    @Test
    void createOrganization_whenNoKey_createsTwo() {
        Account account = api.signup();

        String one = api.createOrganization(account.token(), "same");
        String two = api.createOrganization(account.token(), "same");

        assertNotEquals(one, two);
        assertEquals(3, organizationIds(account).size());
    }

    @Test
    void createOrganization_whenSameKeyAndAnotherBody_answers409IdempotencyKeyReused() {
        Account account = api.signup();
        String key = UUID.randomUUID().toString();
        assertEquals(201, api.post("/v1/orgs", account.token(), "{\"name\":\"acme\"}", "Idempotency-Key", key).status());

        Response reused = api.post("/v1/orgs", account.token(), "{\"name\":\"other\"}", "Idempotency-Key", key);

        assertError(reused, 409, "IdempotencyKeyReused");
        assertEquals(2, organizationIds(account).size(), "no second organization");
    }

    @Test
    void createOrganization_whenSameKeyOnAnotherRoute_answers409IdempotencyKeyReused() {
        Account account = api.signup();
        String key = UUID.randomUUID().toString();
        assertEquals(201, api.post("/v1/orgs", account.token(), "{\"name\":\"ci\"}", "Idempotency-Key", key).status());

        assertError(api.post("/v1/me/tokens", account.token(), "{\"name\":\"ci\"}", "Idempotency-Key", key),
                409, "IdempotencyKeyReused");
    }

    @Test
    void createOrganization_whenEightConcurrentRequestsShareAKey_allGetTheSameOrganization() throws Exception {
        Account account = api.signup();
        String key = UUID.randomUUID().toString();

        List<Response> responses = HttpApi.concurrently(8,
                () -> api.post("/v1/orgs", account.token(), "{\"name\":\"raced\"}", "Idempotency-Key", key));

        Set<String> ids = new HashSet<>();
        for (Response response : responses) {
            assertEquals(201, response.status(), response.toString());
            ids.add(response.json().path("id").asText());
        }
        assertEquals(1, ids.size(), "every caller sees one organization: " + ids);
        assertEquals(2, organizationIds(account).size(), "exactly one organization was created");
        assertTrue(organizationIds(account).containsAll(ids));
    }

    @Test
    void createToken_whenReplayed_returnsTheSameTokenWithoutItsSecret() {
        Account account = api.signup();
        String key = UUID.randomUUID().toString();

        Response first = api.post("/v1/me/tokens", account.token(), "{\"name\":\"ci\"}", "Idempotency-Key", key);
        Response replay = api.post("/v1/me/tokens", account.token(), "{\"name\":\"ci\"}", "Idempotency-Key", key);

        assertEquals(201, replay.status(), replay.toString());
        assertEquals(first.json().path("id"), replay.json().path("id"));
        assertTrue(first.json().has("secret"));
        assertFalse(replay.json().has("secret"), "a secret is shown once: " + replay);
        assertEquals(2, api.get("/v1/me/tokens", account.token()).json().path("items").size());
        assertEquals(200, api.get("/v1/me", first.json().path("secret").asText()).status());
    }

    @Test
    void signup_whenReplayed_returnsTheSameUserWithoutTheTokenSecret() {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"replay-" + key + "@example.com\",\"name\":\"R\",\"organizationName\":\"r\"}";

        Response first = api.post("/v1/signup", null, body, "Idempotency-Key", key);
        Response replay = api.post("/v1/signup", null, body, "Idempotency-Key", key);

        assertEquals(201, first.status(), first.toString());
        assertEquals(201, replay.status(), replay.toString());
        assertEquals(first.json().path("user"), replay.json().path("user"));
        assertEquals(first.json().path("organization"), replay.json().path("organization"));
        assertEquals(first.json().path("token").path("id"), replay.json().path("token").path("id"));
        assertTrue(first.json().path("token").has("secret"));
        assertFalse(replay.json().path("token").has("secret"), "the secret is shown once: " + replay);
        assertFalse(replay.body().contains(first.json().path("token").path("secret").asText()));
        assertEquals(200, api.get("/v1/me", first.json().path("token").path("secret").asText()).status());
    }

    private static List<String> organizationIds(Account account) {
        Response list = api.get("/v1/orgs", account.token());
        assertEquals(200, list.status(), list.toString());
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids.stream().sorted().toList();
    }
}
