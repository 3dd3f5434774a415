package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.AccessSteps.Joined;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session's state changes as events over HTTP, with the engine played by {@link FakeSessionRuntime}:
 * each change listed in order with its detail, readable as the session itself is, and never by
 * another organization.
 */
class LocalBackendSessionsEventsTest {
    private static final FakeSessionRuntime ENGINE = new FakeSessionRuntime();
    private static LocalBackend backend;
    private static SessionSteps steps;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(new OffsetClock()).sessionRuntime(ENGINE)
                .sandboxTimings(SandboxTimings.instant()).start();
        steps = new SessionSteps(backend);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void events_whenASessionOpensWorksAndCloses_eachStateChangeIsListedInOrderWithItsDetail() {
        String session = steps.openActive(15);
        steps.succeeded(session, "SELECT 1");
        steps.succeeded(session, "SELECT 2");
        assertEquals(202, steps.api().post(steps.path("/sessions/" + session + "/close"), steps.owner.token(), null).status());
        steps.await(steps.path("/sessions/" + session), s -> s.path("status").asText().equals("closed"), Duration.ofSeconds(30));

        Response listed = steps.api().get(steps.path("/events?resource=" + session), steps.owner.token());

        assertEquals(200, listed.status(), listed.toString());
        List<String> states = new ArrayList<>();
        List<String> previous = new ArrayList<>();
        String memberId = new AccessSteps(steps.api()).memberId(steps.owner, steps.org);
        for (JsonNode e : listed.json().path("items")) {
            assertEquals("lakesail", e.path("source").asText());
            assertEquals("LakeSail Session State Change", e.path("detailType").asText());
            assertEquals("[\"" + session + "\"]", e.path("resources").toString());
            JsonNode d = e.path("detail");
            assertEquals(steps.org, d.path("organizationId").asText());
            assertEquals(session, d.path("sessionId").asText());
            assertEquals(steps.clusterId, d.path("clusterId").asText());
            assertEquals(memberId, d.path("ownerMemberId").asText());
            assertTrue(d.has("statusReason"), d.toString());
            states.add(0, d.path("state").asText());
            previous.add(0, d.path("previousState").isNull() ? null : d.path("previousState").asText());
        }
        assertEquals(List.of("pending", "active", "idle", "active", "idle", "closed"), states,
                "every state change, newest first: a statement sent to an idle session makes it active again");
        assertEquals(Arrays.asList(null, "pending", "active", "idle", "active", "idle"), previous);
        JsonNode closed = listed.json().path("items").get(0).path("detail");
        assertEquals("closed on request by " + steps.owner.userId(), closed.path("statusReason").asText(), closed.toString());
        assertTrue(listed.json().path("items").get(1).path("detail").path("statusReason").isNull(), "only once it ended");
    }

    @Test
    void events_ofASession_areReadAsTheSessionIs_andAnotherOrganizationsAre404() {
        String session = steps.openActive(15);
        AccessSteps access = new AccessSteps(steps.api());
        Joined viewer = access.join(steps.owner, steps.org, "viewer");
        Response role = steps.api().post(steps.path("/roles"), steps.owner.token(),
                "{\"name\":\"event-reader\",\"permissions\":[\"events:read\"]}");
        assertEquals(201, role.status(), role.toString());
        Joined eventsOnly = access.join(steps.owner, steps.org, role.json().path("id").asText());
        Joined analyst = access.join(steps.owner, steps.org, "analyst");

        assertEquals(2, steps.api().get(steps.path("/events?resource=" + session), viewer.token()).json().path("items").size(),
                "sessions:read and events:read");
        assertError(steps.api().get(steps.path("/events?resource=" + session), eventsOnly.token()), 403, "AccessDenied");
        String own = ownSession(analyst);
        assertEquals(200, steps.api().get(steps.path("/events?resource=" + own), analyst.token()).status(), "its own");

        Account stranger = steps.api().signup();
        assertError(steps.api().get(InfraSteps.path(stranger.organizationId(), "/events?resource=" + session),
                stranger.token()), 404, "ResourceNotFound");
        assertError(steps.api().get(steps.path("/events?resource=" + session), stranger.token()), 404, "ResourceNotFound");
        assertError(steps.api().get(steps.path("/events?resource=ses_nope"), steps.owner.token()), 404, "ResourceNotFound");
    }

    /** A session the member opens on the shared cluster; its id (it is pending). */
    private static String ownSession(Joined member) {
        Response created = steps.api().post(steps.path("/sessions"), member.token(),
                "{\"clusterId\":\"" + steps.clusterId + "\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asText();
    }
}
