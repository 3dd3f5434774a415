package com.lakesail.local;

import static com.lakesail.local.AccessSteps.orgPath;
import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.testing.MutableClock;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the audit log holds one entry per successful mutation, carrying its request id, marks
 * refused attempts as denied, and reads page by page filtered by actor, target and time.
 */
class LocalBackendAuditTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
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

    /** One expected entry: what, on what, in which request, at which time. */
    private record Expected(String action, String target, String requestId, String outcome) {
    }

    @Test
    void auditEvents_afterAWorkflow_holdOneEntryPerSuccessfulMutationAndTheDenials() {
        Response signup = step(api.post("/v1/signup", null,
                "{\"email\":\"audited@example.com\",\"name\":\"Audited\",\"organizationName\":\"audited\"}"));
        Account owner = new Account(signup.json().path("token").path("secret").asText(), signup.json().path("user").path("id").asText(),
                signup.json().path("organization").path("id").asText(), "audited@example.com");
        String orgId = owner.organizationId();
        List<Expected> expected = new ArrayList<>();
        expected.add(new Expected("organizations:create", orgId, signup.requestId(), "success"));

        Response team = step(api.post(orgPath(orgId, "/teams"), owner.token(), "{\"name\":\"data\"}"));
        String teamId = team.json().path("id").asText();
        expected.add(new Expected("teams:create", teamId, team.requestId(), "success"));
        Response duplicate = step(api.post(orgPath(orgId, "/teams"), owner.token(), "{\"name\":\"data\"}"));
        assertError(duplicate, 409, "Conflict");
        Response renamed = step(api.patch(orgPath(orgId, "/teams/" + teamId), owner.token(), "{\"name\":\"data-eng\",\"version\":1}"));
        expected.add(new Expected("teams:update", teamId, renamed.requestId(), "success"));
        Response role = step(api.post(orgPath(orgId, "/roles"), owner.token(), "{\"name\":\"ops\",\"permissions\":[\"clusters:read\"]}"));
        String roleId = role.json().path("id").asText();
        expected.add(new Expected("roles:create", roleId, role.requestId(), "success"));
        Response binding = step(steps.bind(owner, orgId, roleId, "team", teamId, null));
        expected.add(new Expected("role-bindings:create", binding.json().path("id").asText(), binding.requestId(), "success"));
        Account viewer = api.signup();
        Response invitation = step(steps.invite(owner, orgId, viewer.email(), List.of("viewer"), List.of()));
        String invitationId = invitation.json().path("id").asText();
        expected.add(new Expected("invitations:create", invitationId, invitation.requestId(), "success"));
        Response accepted = step(steps.accept(viewer, invitation.json().path("token").asText()));
        expected.add(new Expected("invitations:accept", invitationId, accepted.requestId(), "success"));
        Instant windowStart = CLOCK.instant();
        Response denied = step(api.post(orgPath(orgId, "/teams"), viewer.token(), "{\"name\":\"mine\"}"));
        assertError(denied, 403, "AccessDenied");
        expected.add(new Expected("teams:create", orgId, denied.requestId(), "denied"));
        String viewerMember = accepted.json().path("id").asText();
        Response joined = step(api.send("PUT", orgPath(orgId, "/teams/" + teamId + "/members/" + viewerMember), owner.token(), null));
        expected.add(new Expected("teams:manage-members", teamId, joined.requestId(), "success"));
        Instant windowEnd = CLOCK.instant();
        Response org = step(api.patch("/v1/orgs/" + orgId, owner.token(), "{\"name\":\"renamed\",\"version\":1}"));
        expected.add(new Expected("organizations:update", orgId, org.requestId(), "success"));
        Response removed = step(api.delete(orgPath(orgId, "/members/" + viewerMember), owner.token()));
        expected.add(new Expected("members:delete", viewerMember, removed.requestId(), "success"));

        List<JsonNode> events = readAll(owner, orgId, "", 3);

        List<Expected> actual = events.stream().map(e -> new Expected(e.path("action").asText(), e.path("targetId").asText(),
                e.has("requestId") ? e.path("requestId").asText() : null, e.path("outcome").asText())).toList();
        Collections.reverse(expected);
        assertEquals(expected, actual, "newest first, one per successful change, denials marked");
        JsonNode denial = events.stream().filter(e -> e.path("outcome").asText().equals("denied")).findFirst().orElseThrow();
        assertEquals(viewer.userId(), denial.path("actorId").asText());
        assertTrue(denial.path("reason").asText().contains("teams:create"), denial.toString());

        List<JsonNode> byViewer = readAll(owner, orgId, "&actorId=" + viewer.userId(), 50);
        assertEquals(List.of("teams:create", "invitations:accept"), byViewer.stream().map(e -> e.path("action").asText()).toList());
        List<JsonNode> onTeam = readAll(owner, orgId, "&targetId=" + teamId, 50);
        assertEquals(List.of("teams:manage-members", "teams:update", "teams:create"),
                onTeam.stream().map(e -> e.path("action").asText()).toList());
        List<JsonNode> inWindow = readAll(owner, orgId, "&from=" + windowStart + "&to=" + windowEnd, 50);
        assertEquals(List.of("teams:manage-members", "teams:create"), inWindow.stream().map(e -> e.path("action").asText()).toList());
    }

    @Test
    void auditEvents_whenCallerLacksAuditRead_answers403() {
        Account owner = api.signup();
        AccessSteps.Joined admin = steps.join(owner, owner.organizationId(), "infra-admin");
        assertError(api.get(orgPath(owner.organizationId(), "/audit-events"), admin.token()), 403, "AccessDenied");
    }

    /** Moves the clock on after each step, so every step has its own time. */
    private static Response step(Response response) {
        CLOCK.advance(Duration.ofMinutes(1));
        return response;
    }

    private static List<JsonNode> readAll(Account caller, String orgId, String filter, int limit) {
        List<JsonNode> all = new ArrayList<>();
        String next = null;
        do {
            Response page = api.get(orgPath(orgId, "/audit-events?limit=" + limit + filter
                    + (next == null ? "" : "&nextToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8))), caller.token());
            assertEquals(200, page.status(), page.toString());
            page.json().path("items").forEach(all::add);
            next = page.json().has("nextToken") ? page.json().path("nextToken").asText() : null;
        } while (next != null);
        return all;
    }
}
