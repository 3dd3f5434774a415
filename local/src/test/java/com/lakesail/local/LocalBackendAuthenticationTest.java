package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.testing.MutableClock;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance: signup → token → /v1/me; no, wrong, revoked or expired token → 401 in the error format. */
class LocalBackendAuthenticationTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private static LocalBackend backend;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(CLOCK).start();
        api = new HttpApi(backend.endpoint());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void signup_whenValid_returnsUserOrganizationAndATokenThatReadsMe() {
        Response signup = api.post("/v1/signup", null,
                "{\"email\":\"Grace@Example.com\",\"name\":\"Grace\",\"organizationName\":\"navy\"}");

        assertEquals(201, signup.status(), signup.toString());
        JsonNode body = signup.json();
        String secret = body.path("token").path("secret").asText();
        assertTrue(secret.matches("lsk_[A-Za-z0-9_-]{43}"), secret);
        assertTrue(body.path("user").path("id").asText().startsWith("usr_"));
        assertTrue(body.path("organization").path("id").asText().startsWith("org_"));
        assertEquals(1, body.path("organization").path("version").asLong());
        assertEquals(secret.substring(0, 8), body.path("token").path("prefix").asText());
        assertFalse(signup.body().contains("secretHash"), "the hash is never shown");

        Response me = api.get("/v1/me", secret);

        assertEquals(200, me.status(), me.toString());
        assertEquals(body.path("user").path("id"), me.json().path("user").path("id"));
        assertEquals("grace@example.com", me.json().path("user").path("email").asText());
        JsonNode membership = me.json().path("memberships").path(0);
        assertEquals(body.path("organization").path("id"), membership.path("organizationId"));
        assertEquals("navy", membership.path("organizationName").asText());
        assertEquals("owner", membership.path("roles").path(0).asText(), "the signer owns the organization");
    }

    @Test
    void signup_whenEmailTakenInAnyCase_answers409() {
        Account first = api.signup();

        Response again = api.post("/v1/signup", null,
                "{\"email\":\"" + first.email().toUpperCase() + "\",\"name\":\"Twin\",\"organizationName\":\"x\"}");

        assertError(again, 409, "Conflict");
    }

    @Test
    void me_whenNoToken_answers401() {
        assertError(api.get("/v1/me", null), 401, "Unauthenticated");
        assertError(api.get("/v1/orgs", null), 401, "Unauthenticated");
        assertError(api.post("/v1/orgs", null, "{\"name\":\"x\"}"), 401, "Unauthenticated");
    }

    @Test
    void me_whenWrongToken_answers401() {
        Account account = api.signup();
        String flipped = account.token().substring(0, account.token().length() - 1)
                + (account.token().endsWith("A") ? "B" : "A");
        for (String token : List.of(flipped, "lsk_nope", "not-a-token", "lsk_" + "A".repeat(43))) {
            assertError(api.get("/v1/me", token), 401, "Unauthenticated");
        }
        assertError(api.send("GET", "/v1/me", null, null, "Authorization", "Basic " + account.token()), 401, "Unauthenticated");
    }

    @Test
    void me_whenTokenRevoked_answers401AndOtherTokensKeepWorking() {
        Account account = api.signup();
        Response created = api.post("/v1/me/tokens", account.token(), "{\"name\":\"ci\"}");
        assertEquals(201, created.status(), created.toString());
        String ci = created.json().path("secret").asText();
        assertEquals(200, api.get("/v1/me", ci).status());

        Response revoked = api.delete("/v1/me/tokens/" + created.json().path("id").asText(), account.token());

        assertEquals(204, revoked.status(), revoked.toString());
        assertError(api.get("/v1/me", ci), 401, "Unauthenticated");
        assertEquals(200, api.get("/v1/me", account.token()).status());
        JsonNode listed = findToken(account.token(), created.json().path("id").asText());
        assertEquals("revoked", listed.path("status").asText());
        assertTrue(listed.has("revokedAt"));
    }

    @Test
    void me_whenTokenRevokesItself_answers401Afterwards() {
        Account account = api.signup();
        String ownId = api.get("/v1/me/tokens", account.token()).json().path("items").path(0).path("id").asText();

        assertEquals(204, api.delete("/v1/me/tokens/" + ownId, account.token()).status());

        assertError(api.get("/v1/me", account.token()), 401, "Unauthenticated");
    }

    @Test
    void revoke_whenTokenAlreadyRevoked_answers204Again() {
        Account account = api.signup();
        String id = api.post("/v1/me/tokens", account.token(), "{\"name\":\"ci\"}").json().path("id").asText();

        assertEquals(204, api.delete("/v1/me/tokens/" + id, account.token()).status());
        assertEquals(204, api.delete("/v1/me/tokens/" + id, account.token()).status());
    }

    @Test
    void revoke_whenTokenBelongsToAnotherUser_answers404AndTokenKeepsWorking() {
        Account owner = api.signup();
        Account stranger = api.signup();
        String ownerTokenId = api.get("/v1/me/tokens", owner.token()).json().path("items").path(0).path("id").asText();

        assertError(api.delete("/v1/me/tokens/" + ownerTokenId, stranger.token()), 404, "ResourceNotFound");
        assertError(api.delete("/v1/me/tokens/tok_doesnotexist", stranger.token()), 404, "ResourceNotFound");

        assertEquals(200, api.get("/v1/me", owner.token()).status());
    }

    @Test
    void me_whenTokenExpired_answers401() {
        Account account = api.signup();
        Response created = api.post("/v1/me/tokens", account.token(), "{\"name\":\"short\",\"expiresInDays\":1}");
        String shortLived = created.json().path("secret").asText();
        assertEquals(Instant.parse(created.json().path("createdAt").asText()).plus(Duration.ofDays(1)),
                Instant.parse(created.json().path("expiresAt").asText()));
        assertEquals(200, api.get("/v1/me", shortLived).status());

        CLOCK.advance(Duration.ofDays(1));

        assertError(api.get("/v1/me", shortLived), 401, "Unauthenticated");
        assertEquals(200, api.get("/v1/me", account.token()).status(), "the 90-day token still works");
        String shortId = created.json().path("id").asText();
        api.get("/v1/me/tokens", account.token()).json().path("items").forEach(t ->
                assertEquals(t.path("id").asText().equals(shortId) ? "expired" : "active", t.path("status").asText(), t.toString()));
    }

    @Test
    void listTokens_whenTokensExist_neverShowsTheirSecrets() {
        Account account = api.signup();
        String secret = api.post("/v1/me/tokens", account.token(), "{\"name\":\"ci\"}").json().path("secret").asText();

        Response list = api.get("/v1/me/tokens", account.token());

        assertEquals(200, list.status());
        assertEquals(2, list.json().path("items").size());
        list.json().path("items").forEach(t -> assertFalse(t.has("secret"), t.toString()));
        assertFalse(list.body().contains(secret.substring(8)), "no secret in a list");
        assertFalse(list.body().contains(account.token().substring(8)), "no secret in a list");
    }

    private static JsonNode findToken(String token, String id) {
        for (JsonNode t : api.get("/v1/me/tokens", token).json().path("items")) {
            if (t.path("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("token " + id + " not listed");
    }
}
