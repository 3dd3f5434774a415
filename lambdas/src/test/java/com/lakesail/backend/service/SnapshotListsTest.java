package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.testing.InMemoryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Teams, roles and role bindings are listed from the access snapshot, page by page, in id order. */
class SnapshotListsTest {
    private final InProcessApi api = new InProcessApi(AccessGraph.over(new InMemoryStore(), Clock.systemUTC()).api());

    @Test
    void listTeams_whenPaged_returnsEachTeamOnceInIdOrder() {
        InProcessApi.User owner = api.signup("owner");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.call("POST", "/v1/orgs/" + owner.orgId() + "/teams", owner.token(), "{\"name\":\"t" + i + "\"}").text("id"));
        }

        List<String> listed = new ArrayList<>();
        int pages = 0;
        String next = null;
        do {
            Map<String, String> query = next == null ? Map.of("limit", "2") : Map.of("limit", "2", "nextToken", next);
            JsonNode page = InProcessApi.expect(200, api.call("GET", "/v1/orgs/" + owner.orgId() + "/teams", query, owner.token(), null)).body();
            page.path("items").forEach(t -> listed.add(t.path("id").asText()));
            next = page.has("nextToken") ? page.path("nextToken").asText() : null;
            pages++;
        } while (next != null);

        assertEquals(created.stream().sorted().toList(), listed);
        assertEquals(3, pages);
    }

    @Test
    void listRoles_whenNotPaged_showsTheBuiltInsWithTheirPermissions() {
        InProcessApi.User owner = api.signup("owner");
        JsonNode roles = api.call("GET", "/v1/orgs/" + owner.orgId() + "/roles", owner.token(), null).body().path("items");

        List<String> ids = new ArrayList<>();
        roles.forEach(r -> ids.add(r.path("id").asText()));
        assertEquals(List.of("admin", "analyst", "developer", "infra-admin", "owner", "viewer"), ids);
        JsonNode viewer = roles.get(5);
        assertEquals(true, viewer.path("builtIn").asBoolean());
        assertEquals(false, viewer.path("permissions").toString().contains("audit:read"));
    }

    @Test
    void listTeams_whenTokenIsForged_answers400NamingNextToken() {
        InProcessApi.User owner = api.signup("owner");
        InProcessApi.Response response = api.call("GET", "/v1/orgs/" + owner.orgId() + "/teams", Map.of("nextToken", "%%%"),
                owner.token(), null);
        assertEquals(400, response.status());
        assertEquals("nextToken", response.body().path("error").path("details").get(0).path("field").asText());
    }
}
