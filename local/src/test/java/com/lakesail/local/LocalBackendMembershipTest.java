package com.lakesail.local;

import static com.lakesail.local.AccessSteps.orgPath;
import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.Permission;
import com.lakesail.local.AccessSteps.Joined;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: a removed member is refused at once on every path of the organization (404, as for a
 * stranger), and ids of another organization answer 404 on every route.
 */
class LocalBackendMembershipTest {
    private static LocalBackend backend;
    private static HttpApi api;
    private static AccessSteps steps;
    private static List<String> tenantRoutes;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
        api = new HttpApi(backend.endpoint());
        steps = new AccessSteps(api);
        Set<String> catalogued = Set.of(Permission.values()).stream().flatMap(p -> p.routes().stream()).collect(Collectors.toSet());
        tenantRoutes = backend.api().router().routes().stream().map(r -> r.method() + " " + r.template())
                .filter(catalogued::contains).sorted().toList();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void removeMember_whenRemoved_itsTokenAnswers404OnEveryRouteOfThatOrganizationAtOnce() {
        Account owner = api.signup();
        String orgId = owner.organizationId();
        Joined admin = steps.join(owner, orgId, "admin");
        assertEquals(200, api.get(orgPath(orgId, "/members"), admin.token()).status(), "warm the authorization cache");

        assertEquals(204, api.delete(orgPath(orgId, "/members/" + admin.memberId()), owner.token()).status());

        for (String route : tenantRoutes) {
            Response response = call(route, orgId, Map.of(), admin.token());
            assertError(response, 404, "ResourceNotFound");
            assertTrue(response.body().contains("organization " + orgId + " not found"), route + " → " + response);
        }
        assertEquals(200, api.get("/v1/orgs/" + admin.account().organizationId(), admin.token()).status(), "its own organization");
        assertError(api.get(orgPath(orgId, "/members/" + admin.memberId()), owner.token()), 404, "ResourceNotFound");
    }

    @Test
    void everyRoute_whenOrganizationIsAnotherTenants_answers404() {
        Account ada = api.signup();
        Account bob = api.signup();
        for (String route : tenantRoutes) {
            assertError(call(route, bob.organizationId(), Map.of(), ada.token()), 404, "ResourceNotFound");
        }
    }

    @Test
    void everyRoute_whenIdsInTheOwnOrganizationsPathBelongToAnotherOrganization_answers404() {
        Account ada = api.signup();
        Account bob = api.signup();
        String bobs = bob.organizationId();
        Joined bobsMember = steps.join(bob, bobs, "viewer");
        String team = steps.createTeam(bob, bobs, "bobs-team");
        String role = api.post(orgPath(bobs, "/roles"), bob.token(), "{\"name\":\"bobs-role\",\"permissions\":[\"teams:read\"]}")
                .json().path("id").asText();
        String binding = steps.bind(bob, bobs, role, "team", team, null).json().path("id").asText();
        String invitation = steps.invite(bob, bobs, "carol@example.com", List.of(), List.of()).json().path("id").asText();
        Map<String, String> foreign = Map.of("memberId", bobsMember.memberId(), "teamId", team, "roleId", role,
                "bindingId", binding, "invitationId", invitation);

        int checked = 0;
        for (String route : tenantRoutes) {
            if (route.replace("{orgId}", "").matches(".*\\{(member|team|role|binding|invitation)Id}.*")) {
                assertError(call(route, ada.organizationId(), foreign, ada.token()), 404, "ResourceNotFound");
                checked++;
            }
        }
        assertTrue(checked >= 12, "routes with ids checked: " + checked);
        assertError(steps.bind(ada, ada.organizationId(), "viewer", "member", bobsMember.memberId(), null), 404, "ResourceNotFound");
        assertError(steps.bind(ada, ada.organizationId(), "viewer", "team", team, null), 404, "ResourceNotFound");
        assertError(steps.bind(ada, ada.organizationId(), role, "member", steps.memberId(ada, ada.organizationId()), null),
                404, "ResourceNotFound");
        assertError(api.get(orgPath(ada.organizationId(), "/access/who-can?action=teams:read&resource=" + team), ada.token()),
                404, "ResourceNotFound");
        assertError(steps.invite(ada, ada.organizationId(), "dan@example.com", List.of(), List.of(team)), 404, "ResourceNotFound");
        assertEquals(3, api.get(orgPath(bobs, "/role-bindings"), bob.token()).json().path("items").size(), "bob's are untouched");
    }

    /** Calls a route template with {orgId} and the given ids filled in (others get a made-up id), and a body where needed. */
    private static Response call(String route, String orgId, Map<String, String> ids, String token) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replace("{orgId}", orgId);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        path = path.replaceAll("\\{[a-zA-Z]+}", "zzz_unknown");
        String body = switch (method) {
            case "PATCH" -> "{\"name\":\"renamed\",\"version\":1}";
            case "POST", "PUT" -> "{}";
            default -> null;
        };
        return api.send(method, path, token, body);
    }
}
