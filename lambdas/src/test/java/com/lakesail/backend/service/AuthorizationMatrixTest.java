package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.AccessDeniedException;
import com.lakesail.backend.domain.BuiltInRole;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.testing.InMemoryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every built-in role × every operation of the catalogue → allowed or 403, exactly as the catalogue
 * says, over the routes of every area (identity and access, infrastructure, jobs and runs). Routes that exist are called over the API with an empty body and ids that name nothing, so an
 * allowed call stops at validation (400) or lookup (404) and changes nothing; every permission,
 * including those of routes still to come, is also checked at the authorizer the services call.
 */
class AuthorizationMatrixTest {
    private static final String UNKNOWN_ID = "zzz_unknown";
    private static AccessGraph graph;
    private static InProcessApi api;
    private static String orgId;
    private static final Map<BuiltInRole, InProcessApi.User> MEMBERS = new EnumMap<>(BuiltInRole.class);

    @BeforeAll
    static void organizationWithOneMemberPerRole() {
        graph = AccessGraph.over(new InMemoryStore(), Clock.systemUTC());
        api = new InProcessApi(graph.api());
        InProcessApi.User owner = api.signup("founder");
        orgId = owner.orgId();
        for (BuiltInRole role : BuiltInRole.values()) {
            InProcessApi.User user = api.signup(role.id());
            api.join(owner, orgId, user, List.of(role.id()));
            MEMBERS.put(role, user);
        }
    }

    @TestFactory
    List<DynamicTest> routes_whenCalledByEachBuiltInRole_allowOrRefuseAsTheCatalogueSays() {
        Set<String> routed = graph.api().router().routes().stream().map(r -> r.method() + " " + r.template())
                .collect(Collectors.toSet());
        List<DynamicTest> tests = new ArrayList<>();
        for (BuiltInRole role : BuiltInRole.values()) {
            for (Permission permission : Permission.values()) {
                for (String route : permission.routes()) {
                    if (!routed.contains(route)) {
                        continue;
                    }
                    boolean allowed = role.grants(permission);
                    tests.add(DynamicTest.dynamicTest(role.id() + " " + route + " → " + (allowed ? "allowed" : "403"),
                            () -> assertCall(role, route, allowed)));
                }
            }
        }
        assertTrue(tests.size() >= 6 * 60, "the routes of every built area are in the matrix: " + tests.size());
        return tests;
    }

    @TestFactory
    List<DynamicTest> authorizer_whenAskedForEachPermissionOfEachBuiltInRole_answersAsTheCatalogueSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BuiltInRole role : BuiltInRole.values()) {
            for (Permission permission : Permission.values()) {
                Principal principal = new Principal(MEMBERS.get(role).userId(), null);
                tests.add(DynamicTest.dynamicTest(role.id() + " " + permission.wire(), () -> {
                    if (role.grants(permission)) {
                        assertEquals(orgId, graph.authorizer().require(principal, orgId, permission).organizationId());
                    } else {
                        assertThrows(AccessDeniedException.class, () -> graph.authorizer().require(principal, orgId, permission));
                    }
                }));
            }
        }
        return tests;
    }

    private static void assertCall(BuiltInRole role, String route, boolean allowed) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replace("{orgId}", orgId).replaceAll("\\{[a-zA-Z]+}", UNKNOWN_ID);
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        InProcessApi.Response response = api.call(method, path, MEMBERS.get(role).token(), body);
        if (allowed) {
            assertNotEquals(403, response.status(), response.body().toString());
            assertTrue(Set.of(200, 201, 204, 400, 404).contains(response.status()), response.body().toString());
            assertTrue(response.status() != 404 || !response.body().toString().contains("organization " + orgId),
                    "a member sees its organization: " + response.body());
        } else {
            assertEquals(403, response.status(), response.body().toString());
            assertEquals("AccessDenied", response.body().path("error").path("code").asText());
        }
    }
}
