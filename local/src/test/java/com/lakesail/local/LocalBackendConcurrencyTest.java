package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: concurrent PATCHes holding the same version → exactly one 200, the rest 409. */
class LocalBackendConcurrencyTest {
    @TempDir
    static Path dataDirectory;
    private static LocalBackend backend;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        // On a file, in WAL mode, as the command-line backend runs.
        backend = LocalBackend.builder().port(0).dataDirectory(dataDirectory).start();
        api = new HttpApi(backend.endpoint());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void updateOrganization_whenTwoConcurrentPatchesHoldTheSameVersion_exactlyOneWins() throws Exception {
        Account account = api.signup();
        for (long version = 1; version <= 10; version++) {
            race(account, 2, version);
        }
    }

    @Test
    void updateOrganization_whenEightConcurrentPatchesHoldTheSameVersion_exactlyOneWins() throws Exception {
        Account account = api.signup();
        for (long version = 1; version <= 5; version++) {
            race(account, 8, version);
        }
    }

    @Test
    void updateOrganization_whenVersionStale_answers409AndKeepsTheNewerName() {
        Account account = api.signup();
        String path = "/v1/orgs/" + account.organizationId();
        assertEquals(200, api.patch(path, account.token(), "{\"name\":\"v2\",\"version\":1}").status());

        assertError(api.patch(path, account.token(), "{\"name\":\"lost\",\"version\":1}"), 409, "Conflict");
        assertError(api.patch(path, account.token(), "{\"name\":\"future\",\"version\":7}"), 409, "Conflict");

        Response org = api.get(path, account.token());
        assertEquals("v2", org.json().path("name").asText());
        assertEquals(2, org.json().path("version").asLong());
    }

    @Test
    void updateOrganization_whenVersionCurrent_bumpsVersionAndUpdatedAt() {
        Account account = api.signup();
        String path = "/v1/orgs/" + account.organizationId();
        Response before = api.get(path, account.token());

        Response after = api.patch(path, account.token(), "{\"name\":\"renamed\",\"version\":1}");

        assertEquals(200, after.status(), after.toString());
        assertEquals("renamed", after.json().path("name").asText());
        assertEquals(2, after.json().path("version").asLong());
        assertEquals(before.json().path("createdAt"), after.json().path("createdAt"));
        assertEquals(after.json(), api.get(path, account.token()).json(), "the PATCH answer is what is stored");
    }

    @Test
    void signup_whenEightConcurrentSignupsShareAnEmail_exactlyOneUserIsCreated() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";

        List<Response> responses = HttpApi.concurrently(8, () -> api.post("/v1/signup", null,
                "{\"email\":\"" + email + "\",\"name\":\"R\",\"organizationName\":\"r\"}"));

        assertEquals(1, responses.stream().filter(r -> r.status() == 201).count(), responses.toString());
        responses.stream().filter(r -> r.status() != 201).forEach(r -> assertError(r, 409, "Conflict"));
    }

    @Test
    void signup_whenEightConcurrentRetriesShareAKey_allSeeTheSameUserAndOneSecret() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"retry-" + key + "@example.com\",\"name\":\"R\",\"organizationName\":\"r\"}";

        List<Response> responses = HttpApi.concurrently(8,
                () -> api.post("/v1/signup", null, body, "Idempotency-Key", key));

        Set<String> users = new HashSet<>();
        for (Response response : responses) {
            assertEquals(201, response.status(), response.toString());
            users.add(response.json().path("user").path("id").asText());
        }
        assertEquals(1, users.size(), users.toString());
        assertEquals(1, responses.stream().filter(r -> r.json().path("token").has("secret")).count(),
                "the secret is shown to one caller only");
    }

    @Test
    void revokeToken_whenEightConcurrentDeletes_allAnswer204() throws Exception {
        Account account = api.signup();
        for (int round = 0; round < 10; round++) {
            String tokenId = api.post("/v1/me/tokens", account.token(), "{\"name\":\"ci\"}").json().path("id").asText();

            List<Response> responses = HttpApi.concurrently(8, () -> api.delete("/v1/me/tokens/" + tokenId, account.token()));

            // Revoking a revoked token is a 204 (see LocalBackendAuthenticationTest): losing the race to revoke it is the same.
            assertEquals(List.of(204, 204, 204, 204, 204, 204, 204, 204), responses.stream().map(Response::status).toList(),
                    "round " + round + ": " + responses);
        }
    }

    /** {@code n} callers PATCH at once holding {@code version}; one must win, every other must get 409. */
    private static void race(Account account, int n, long version) throws Exception {
        String path = "/v1/orgs/" + account.organizationId();
        AtomicInteger caller = new AtomicInteger();

        List<Response> responses = HttpApi.concurrently(n, () -> api.patch(path, account.token(),
                "{\"name\":\"caller-" + caller.incrementAndGet() + "\",\"version\":" + version + "}"));

        List<Response> won = responses.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, won.size(), "winners at version " + version + ": " + responses);
        for (Response response : responses) {
            if (response.status() != 200) {
                assertError(response, 409, "Conflict");
            }
        }
        Response stored = api.get(path, account.token());
        assertEquals(version + 1, stored.json().path("version").asLong());
        assertEquals(won.get(0).json().path("name"), stored.json().path("name"), "the winner's write is the one kept");
    }
}
