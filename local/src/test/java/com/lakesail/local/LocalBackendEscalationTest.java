package com.lakesail.local;

import static com.lakesail.local.AccessSteps.orgPath;
import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.local.AccessSteps.Joined;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: nobody grants what they lack (403 for every way of trying), and the last owner can
 * neither be removed nor demoted (409).
 */
class LocalBackendEscalationTest {
    private static LocalBackend backend;
    private static HttpApi api;
    private static AccessSteps steps;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
        api = new HttpApi(backend.endpoint());
        steps = new AccessSteps(api);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void escalation_whenAdminTriesEveryRouteToOwner_eachAnswers403() {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        Joined admin = steps.join(owner, orgId, "admin");
        String ownerMemberId = steps.memberId(owner, orgId);
        String ownersTeam = steps.createTeam(owner, orgId, "owners");
        assertEquals(201, steps.bind(owner, orgId, "owner", "team", ownersTeam, null).status());
        String ownerBinding = steps.bindingId(owner, orgId, "owner", "member");

        List<Response> attempts = List.of(
                steps.bind(admin.account(), orgId, "owner", "member", admin.memberId(), null),
                api.post(orgPath(orgId, "/roles"), admin.token(), "{\"name\":\"rename-org\",\"permissions\":[\"organizations:update\"]}"),
                steps.invite(admin.account(), orgId, "friend@example.com", List.of("owner"), List.of()),
                steps.invite(admin.account(), orgId, "friend@example.com", List.of(), List.of(ownersTeam)),
                api.send("PUT", orgPath(orgId, "/teams/" + ownersTeam + "/members/" + admin.memberId()), admin.token(), null),
                api.delete(orgPath(orgId, "/role-bindings/" + ownerBinding), admin.token()),
                api.delete(orgPath(orgId, "/members/" + ownerMemberId), admin.token()),
                api.delete(orgPath(orgId, "/teams/" + ownersTeam), admin.token()));

        for (Response attempt : attempts) {
            assertError(attempt, 403, "AccessDenied");
        }
        assertError(api.patch("/v1/orgs/" + orgId, admin.token(), "{\"name\":\"mine\",\"version\":1}"), 403, "AccessDenied");
    }

    @Test
    void escalation_whenCustomRoleWouldGrowBeyondTheEditor_answers403() {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        Joined admin = steps.join(owner, orgId, "admin");
        Response role = api.post(orgPath(orgId, "/roles"), admin.token(), "{\"name\":\"ops\",\"permissions\":[\"clusters:read\"]}");
        assertEquals(201, role.status(), role.toString());

        Response grown = api.patch(orgPath(orgId, "/roles/" + role.json().path("id").asText()), admin.token(),
                "{\"permissions\":[\"clusters:read\",\"organizations:update\"],\"version\":1}");

        assertError(grown, 403, "AccessDenied");
    }

    @Test
    void escalation_whenMemberLacksTheBindingPermission_answers403EvenForWeakRoles() {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        Joined developer = steps.join(owner, orgId, "developer");

        assertError(steps.bind(developer.account(), orgId, "viewer", "member", developer.memberId(), null), 403, "AccessDenied");
        assertError(steps.invite(developer.account(), orgId, "x@example.com", List.of("viewer"), List.of()), 403, "AccessDenied");
        assertError(steps.bind(developer.account(), orgId, "developer", "member", developer.memberId(), null), 403, "AccessDenied");
    }

    @Test
    void lastOwner_whenRemovedOrDemoted_answers409UntilAnotherOwnerExists() {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        String ownerMemberId = steps.memberId(owner, orgId);
        String ownerBinding = steps.bindingId(owner, orgId, "owner", "member");

        assertError(api.delete(orgPath(orgId, "/members/" + ownerMemberId), owner.token()), 409, "Conflict");
        assertError(api.delete(orgPath(orgId, "/role-bindings/" + ownerBinding), owner.token()), 409, "Conflict");

        Joined second = steps.join(owner, orgId, "owner");
        assertEquals(204, api.delete(orgPath(orgId, "/role-bindings/" + ownerBinding), owner.token()).status());
        assertError(api.delete(orgPath(orgId, "/members/" + second.memberId()), second.token()), 409, "Conflict");
        assertEquals(204, api.delete(orgPath(orgId, "/members/" + ownerMemberId), second.token()).status());
    }

    @Test
    void lastOwner_whenOwnershipComesThroughATeam_leavingTheTeamAnswers409() {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        String ownerMemberId = steps.memberId(owner, orgId);
        String team = steps.createTeam(owner, orgId, "founders");
        assertEquals(200, api.send("PUT", orgPath(orgId, "/teams/" + team + "/members/" + ownerMemberId), owner.token(), null).status());
        assertEquals(201, steps.bind(owner, orgId, "owner", "team", team, null).status());
        String direct = steps.bindingId(owner, orgId, "owner", "member");
        assertEquals(204, api.delete(orgPath(orgId, "/role-bindings/" + direct), owner.token()).status());

        assertError(api.delete(orgPath(orgId, "/teams/" + team + "/members/" + ownerMemberId), owner.token()), 409, "Conflict");
        assertError(api.delete(orgPath(orgId, "/teams/" + team), owner.token()), 409, "Conflict");
        assertEquals(200, api.get("/v1/orgs/" + orgId, owner.token()).status());
    }
}
