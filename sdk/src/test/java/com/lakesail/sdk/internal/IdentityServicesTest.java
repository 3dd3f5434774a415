package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.identity.CreatedToken;
import com.lakesail.sdk.identity.Me;
import com.lakesail.sdk.identity.SignupResult;
import com.lakesail.sdk.testing.StubServer;
import com.lakesail.sdk.testing.StubServer.RecordedRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityServicesTest {
    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_secret")
                .retryPolicy(RetryPolicy.none()).userAgentSuffix("walkthrough/1.0").build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    @Test
    void meGet_whenCalled_sendsBearerTokenAndReadsUserAndMemberships() {
        server.reply(200, """
                {"user": {"id": "usr_1", "email": "ada@example.com", "name": "Ada",
                          "createdAt": "2030-01-01T00:00:00Z", "updatedAt": "2030-01-02T00:00:00Z"},
                 "memberships": [{"memberId": "mem_1", "organizationId": "org_1", "organizationName": "acme",
                                  "roles": ["owner"]}]}""");

        Me me = lakesail.me().get();

        assertEquals("ada@example.com", me.user().email());
        assertEquals(List.of("owner"), me.memberships().get(0).roles());
        RecordedRequest request = server.request(0);
        assertEquals("GET", request.method());
        assertEquals("/v1/me", request.path());
        assertEquals("Bearer lsk_secret", request.header("Authorization"));
        assertEquals("application/json", request.header("Accept"));
        assertEquals(true, request.header("User-Agent").matches("lakesail-java-sdk/\\S+ java/\\d+ walkthrough/1\\.0"),
                request.header("User-Agent"));
    }

    @Test
    void tokensCreate_whenCalled_postsNameAndExpiryAndReadsSecret() throws Exception {
        server.reply(201, """
                {"id": "tok_1", "name": "ci", "prefix": "lsk_abcd", "createdAt": "2030-01-01T00:00:00Z",
                 "expiresAt": "2030-01-31T00:00:00Z", "lastUsedAt": null, "revokedAt": null, "secret": "lsk_abcdXYZ"}""");

        CreatedToken created = lakesail.tokens().create(r -> r.name("ci").expiresInDays(30));

        assertEquals("tok_1", created.token().id());
        assertEquals(Instant.parse("2030-01-31T00:00:00Z"), created.token().expiresAt());
        assertEquals("lsk_abcdXYZ", created.secret());
        RecordedRequest request = server.request(0);
        assertEquals("POST", request.method());
        assertEquals("/v1/me/tokens", request.path());
        assertEquals("application/json", request.header("Content-Type"));
        JsonNode body = SdkJson.mapper().readTree(request.body());
        assertEquals("ci", body.get("name").asText());
        assertEquals(30, body.get("expiresInDays").asInt());
        assertEquals(2, body.size());
    }

    @Test
    void tokensCreate_whenNoExpiry_leavesFieldOut() throws Exception {
        server.reply(201, "{\"id\": \"tok_1\", \"secret\": \"lsk_x\"}");

        lakesail.tokens().create(r -> r.name("ci"));

        assertEquals("{\"name\":\"ci\"}", server.request(0).body());
    }

    @Test
    void tokensDelete_whenCalled_sendsDeleteToTokenPathAndAccepts204() {
        server.reply(204, null);

        lakesail.tokens().delete("tok_1");

        assertEquals("DELETE", server.request(0).method());
        assertEquals("/v1/me/tokens/tok_1", server.request(0).path());
    }

    @Test
    void tokensDelete_whenIdHasReservedCharacters_encodesThem() {
        server.reply(204, null);

        lakesail.tokens().delete("a/b c");

        assertEquals("/v1/me/tokens/a%2Fb%20c", server.request(0).path());
    }

    @Test
    void tokensDelete_whenIdNull_throwsBeforeSending() {
        assertThrows(NullPointerException.class, () -> lakesail.tokens().delete(null));
        assertEquals(0, server.requests().size());
    }

    @Test
    void signup_whenCalled_postsWithoutTokenAndReadsUserOrganizationAndToken() throws Exception {
        server.reply(201, """
                {"user": {"id": "usr_1", "email": "ada@example.com", "name": "Ada"},
                 "organization": {"id": "org_1", "name": "acme", "version": 1},
                 "token": {"id": "tok_1", "name": "default", "prefix": "lsk_abcd", "secret": "lsk_abcdXYZ"}}""");

        SignupResult result = LakeSail.signup(server.endpoint(),
                r -> r.email("ada@example.com").name("Ada").organizationName("acme"));

        assertEquals("usr_1", result.user().id());
        assertEquals("org_1", result.organization().id());
        assertEquals("lsk_abcdXYZ", result.token().secret());
        RecordedRequest request = server.request(0);
        assertEquals("/v1/signup", request.path());
        assertNull(request.header("Authorization"));
        assertNotNull(request.header("Idempotency-Key"));
        JsonNode body = SdkJson.mapper().readTree(request.body());
        assertEquals("acme", body.get("organizationName").asText());
        assertEquals("ada@example.com", body.get("email").asText());
        assertEquals("Ada", body.get("name").asText());
    }
}
