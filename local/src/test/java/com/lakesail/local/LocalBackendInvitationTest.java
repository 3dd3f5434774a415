package com.lakesail.local;

import static com.lakesail.local.AccessSteps.orgPath;
import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.store.Keys;
import com.lakesail.backend.testing.MutableClock;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance: invitations over HTTP, from the invite to a working membership, and every way a token is refused. */
class LocalBackendInvitationTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private static LocalBackend backend;
    private static HttpApi api;
    private static AccessSteps steps;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(CLOCK).start();
        api = new HttpApi(backend.endpoint());
        steps = new AccessSteps(api);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void accept_whenInvitedUserAccepts_joinsWithTheRolesAndTeams() {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        String teamId = steps.createTeam(owner, orgId, "analysts");
        Account invitee = api.signup();

        Response invitation = steps.invite(owner, orgId, invitee.email(), List.of("analyst"), List.of(teamId));
        assertEquals(201, invitation.status(), invitation.toString());
        assertEquals("pending", invitation.json().path("status").asText());
        assertEquals(CLOCK.instant().plus(Duration.ofDays(7)).toString(), invitation.json().path("expiresAt").asText(), "7 days");
        Response accepted = steps.accept(invitee, invitation.json().path("token").asText());

        assertEquals(200, accepted.status(), accepted.toString());
        String memberId = accepted.json().path("id").asText();
        assertEquals(List.of("analyst"), roles(accepted.json()));
        assertEquals(200, api.get("/v1/orgs/" + orgId, invitee.token()).status());
        Response team = api.get(orgPath(orgId, "/teams/" + teamId), invitee.token());
        assertTrue(team.json().path("memberIds").toString().contains(memberId), team.toString());
        Response seen = api.get(orgPath(orgId, "/invitations/" + invitation.json().path("id").asText()), owner.token());
        assertEquals("accepted", seen.json().path("status").asText());
        assertEquals(memberId, seen.json().path("memberId").asText());
        assertError(api.post(orgPath(orgId, "/teams"), invitee.token(), "{\"name\":\"mine\"}"), 403, "AccessDenied");
    }

    @Test
    void accept_whenAnotherUserPresentsTheToken_answers403AndTheInviteeCanStillAccept() {
        Account owner = api.signup();
        Account invitee = api.signup();
        Account other = api.signup();
        String token = steps.invitationToken(owner, owner.organizationId(), invitee.email(), List.of("viewer"), List.of());

        assertError(steps.accept(other, token), 403, "AccessDenied");
        assertError(api.get("/v1/orgs/" + owner.organizationId(), other.token()), 404, "ResourceNotFound");
        assertEquals(200, steps.accept(invitee, token).status());
    }

    @Test
    void accept_whenTokenIsReused_answers409SayingItWasAccepted() {
        Account owner = api.signup();
        Account invitee = api.signup();
        String token = steps.invitationToken(owner, owner.organizationId(), invitee.email(), List.of("viewer"), List.of());
        assertEquals(200, steps.accept(invitee, token).status());

        Response again = steps.accept(invitee, token);

        assertError(again, 409, "Conflict");
        assertTrue(message(again).contains("already accepted"), again.toString());
    }

    @Test
    void accept_whenRevoked_answers409SayingItWasRevoked() {
        Account owner = api.signup();
        Account invitee = api.signup();
        Response invitation = steps.invite(owner, owner.organizationId(), invitee.email(), List.of("viewer"), List.of());
        String id = invitation.json().path("id").asText();

        assertEquals(204, api.delete(orgPath(owner.organizationId(), "/invitations/" + id), owner.token()).status());
        Response refused = steps.accept(invitee, invitation.json().path("token").asText());

        assertError(refused, 409, "Conflict");
        assertTrue(message(refused).contains("revoked"), refused.toString());
        assertEquals("revoked", api.get(orgPath(owner.organizationId(), "/invitations/" + id), owner.token())
                .json().path("status").asText());
    }

    @Test
    void revoke_whenEightConcurrentDeletes_allAnswer204() throws Exception {
        Account owner = api.signup();
        for (int round = 0; round < 5; round++) {
            Response invitation = steps.invite(owner, owner.organizationId(), "round" + round + "@example.com", List.of("viewer"), List.of());
            String path = orgPath(owner.organizationId(), "/invitations/" + invitation.json().path("id").asText());

            List<Response> responses = HttpApi.concurrently(8, () -> api.delete(path, owner.token()));

            assertEquals(List.of(204, 204, 204, 204, 204, 204, 204, 204), responses.stream().map(Response::status).toList(),
                    "round " + round + ": " + responses);
        }
    }

    @Test
    void accept_whenExpired_answers409SayingItExpired() {
        Account owner = api.signup();
        Account invitee = api.signup();
        Response invitation = steps.invite(owner, owner.organizationId(), invitee.email(), List.of("viewer"), List.of());

        CLOCK.advance(Duration.ofDays(7));
        Response refused = steps.accept(invitee, invitation.json().path("token").asText());

        assertError(refused, 409, "Conflict");
        assertTrue(message(refused).contains("expired"), refused.toString());
        assertEquals("expired", api.get(orgPath(owner.organizationId(), "/invitations/" + invitation.json().path("id").asText()),
                owner.token()).json().path("status").asText());
    }

    @Test
    void accept_whenManyInviteesAcceptAtOnce_allJoin() throws Exception {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        List<Account> invitees = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Account invitee = api.signup();
            invitees.add(invitee);
            tokens.add(steps.invitationToken(owner, orgId, invitee.email(), List.of("viewer"), List.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(invitees.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> accepted = new ArrayList<>();
            for (int i = 0; i < invitees.size(); i++) {
                int n = i;
                accepted.add(pool.submit(() -> {
                    start.await();
                    return steps.accept(invitees.get(n), tokens.get(n));
                }));
            }
            start.countDown();
            for (Future<Response> response : accepted) {
                assertEquals(200, response.get(30, TimeUnit.SECONDS).status(), response.get().toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(invitees.size() + 1, api.get(orgPath(orgId, "/members"), owner.token()).json().path("items").size());
    }

    @Test
    void accept_whenTheInviterWasRemovedSinceInviting_answers409() {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        AccessSteps.Joined admin = steps.join(owner, orgId, "admin");
        Account invitee = api.signup();
        String token = steps.invitationToken(admin.account(), orgId, invitee.email(), List.of("developer"), List.of());
        assertEquals(204, api.delete(orgPath(orgId, "/members/" + admin.memberId()), owner.token()).status());

        Response refused = steps.accept(invitee, token);

        assertError(refused, 409, "Conflict");
        assertTrue(message(refused).contains("inviter can no longer grant"), refused.toString());
        assertError(api.get("/v1/orgs/" + orgId, invitee.token()), 404, "ResourceNotFound");
    }

    @Test
    void accept_whenTokenIsUnknownOrMalformed_answers404Or400() {
        Account user = api.signup();
        assertError(steps.accept(user, "lsi_" + "A".repeat(43)), 404, "ResourceNotFound");
        Response malformed = steps.accept(user, user.token());
        assertError(malformed, 400, "ValidationError");
        assertEquals(List.of("token"), malformed.fields());
    }

    @Test
    void invitation_whenStored_keepsOnlyTheHashOfTheSecret() {
        Account owner = api.signup();
        Response invitation = steps.invite(owner, owner.organizationId(), "someone@example.com", List.of(), List.of());
        String token = invitation.json().path("token").asText();

        List<Item> items = backend.store().query(Query.partition(Query.Index.TABLE, Keys.orgPartition(owner.organizationId()),
                Keys.INVITATION_PREFIX, 100, null)).items();

        assertEquals(1, items.size());
        assertFalse(items.get(0).data().contains(token.substring(4)), "the secret is not stored");
        Response listed = api.get(orgPath(owner.organizationId(), "/invitations"), owner.token());
        assertFalse(listed.body().contains(token.substring(4)), "the secret is shown once");
    }

    private static List<String> roles(JsonNode member) {
        return HttpApi.JSON.convertValue(member.path("roles"), HttpApi.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static String message(Response response) {
        return response.json().path("error").path("message").asText();
    }
}
