package com.lakesail.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Route.Operation NOTHING = call -> null;

    private final Route meTokens = Route.get("/v1/me/tokens", NOTHING);
    private final Route anyTokens = Route.get("/v1/{userId}/tokens", NOTHING);
    private final Route getOrg = Route.get("/v1/orgs/{orgId}", NOTHING);
    private final Route patchOrg = Route.patch("/v1/orgs/{orgId}", NOTHING);
    private final Route listOrgs = Route.get("/v1/orgs", NOTHING);
    private final Route createOrg = Route.create("/v1/orgs", NOTHING);

    @Test
    void match_whenLiteralAndParameterBothFit_literalWinsWhateverTheOrder() {
        Router paramFirst = new Router().add(anyTokens).add(meTokens);
        Router literalFirst = new Router().add(meTokens).add(anyTokens);

        assertSame(meTokens, route(paramFirst, "GET", "/v1/me/tokens"));
        assertSame(meTokens, route(literalFirst, "GET", "/v1/me/tokens"));
    }

    @Test
    void match_whenOnlyParameterFits_bindsTheSegment() {
        Router router = new Router().add(meTokens).add(anyTokens);

        Router.Match match = router.match("GET", "/v1/usr_42/tokens").match().orElseThrow();

        assertSame(anyTokens, match.route());
        assertEquals(Map.of("userId", "usr_42"), match.pathParams());
    }

    @Test
    void match_whenPathUnknown_returnsNoMatchAndNoAllowedMethods() {
        Router router = router();

        for (String path : new String[] {"/v2/orgs", "/v1/orgs/org_1/extra", "/", "", "/v1", "/v1/ORGS"}) {
            Router.Result result = router.match("GET", path);
            assertTrue(result.match().isEmpty(), path);
            assertEquals(Set.of(), result.allowedMethods(), path);
        }
    }

    @Test
    void match_whenPathKnownButMethodNot_returnsNoMatchAndTheAllowedMethods() {
        Router.Result item = router().match("DELETE", "/v1/orgs/org_1");
        Router.Result collection = router().match("PUT", "/v1/orgs");

        assertTrue(item.match().isEmpty());
        assertEquals(Set.of("GET", "PATCH"), item.allowedMethods());
        assertTrue(collection.match().isEmpty());
        assertEquals(Set.of("GET", "POST"), collection.allowedMethods());
    }

    @Test
    void match_whenMethodFits_alsoReportsTheOtherAllowedMethods() {
        Router.Result result = router().match("PATCH", "/v1/orgs/org_1");

        assertSame(patchOrg, result.match().orElseThrow().route());
        assertEquals(Set.of("GET", "PATCH"), result.allowedMethods());
    }

    @Test
    void match_whenTrailingSlash_matchesTheSameRoute() {
        assertSame(listOrgs, route(router(), "GET", "/v1/orgs/"));
        Router.Match match = router().match("GET", "/v1/orgs/org_1/").match().orElseThrow();
        assertSame(getOrg, match.route());
        assertEquals("org_1", match.pathParams().get("orgId"));
    }

    @Test
    void match_whenParameterSegmentEmpty_doesNotMatch() {
        assertTrue(router().match("GET", "/v1/orgs//").match().isEmpty());
        assertTrue(router().match("GET", "/v1//tokens").match().isEmpty());
    }

    @Test
    void match_whenDoubleSlashInsideLiteralPath_doesNotMatch() {
        assertTrue(router().match("GET", "/v1//orgs").match().isEmpty());
    }

    private Router router() {
        return new Router().add(listOrgs).add(createOrg).add(getOrg).add(patchOrg).add(meTokens).add(anyTokens);
    }

    private static Route route(Router router, String method, String path) {
        return router.match(method, path).match().orElseThrow(() -> new AssertionError("no match for " + path)).route();
    }
}
