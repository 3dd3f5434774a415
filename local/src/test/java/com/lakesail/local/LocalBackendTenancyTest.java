package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.service.RandomIds;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance: another organization's id answers 404, exactly like an id that does not exist. */
class LocalBackendTenancyTest {
    private static LocalBackend backend;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
        api = new HttpApi(backend.endpoint());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void getOrganization_whenAnotherUsersOrganization_answers404BothWays() {
        Account ada = api.signup();
        Account bob = api.signup();

        assertError(api.get("/v1/orgs/" + bob.organizationId(), ada.token()), 404, "ResourceNotFound");
        assertError(api.get("/v1/orgs/" + ada.organizationId(), bob.token()), 404, "ResourceNotFound");
        assertEquals(200, api.get("/v1/orgs/" + ada.organizationId(), ada.token()).status());
        assertEquals(200, api.get("/v1/orgs/" + bob.organizationId(), bob.token()).status());
    }

    @Test
    void updateOrganization_whenAnotherUsersOrganization_answers404AndChangesNothing() {
        Account ada = api.signup();
        Account bob = api.signup();

        assertError(api.patch("/v1/orgs/" + bob.organizationId(), ada.token(), "{\"name\":\"pwned\",\"version\":1}"),
                404, "ResourceNotFound");
        assertError(api.patch("/v1/orgs/" + ada.organizationId(), bob.token(), "{\"name\":\"pwned\",\"version\":1}"),
                404, "ResourceNotFound");

        for (Account owner : List.of(ada, bob)) {
            Response org = api.get("/v1/orgs/" + owner.organizationId(), owner.token());
            assertEquals("first", org.json().path("name").asText());
            assertEquals(1, org.json().path("version").asLong());
        }
    }

    @Test
    void getOrganization_whenIdIsAnotherTenantsOrMissing_answersTheSameMessageShape() {
        Account ada = api.signup();
        Account bob = api.signup();
        String missing = new RandomIds().next("org");

        String foreign = api.get("/v1/orgs/" + bob.organizationId(), ada.token()).json().path("error").path("message").asText();
        String absent = api.get("/v1/orgs/" + missing, ada.token()).json().path("error").path("message").asText();

        assertEquals(absent.replace(missing, "ID"), foreign.replace(bob.organizationId(), "ID"),
                "a foreign id must not be told apart from a missing one");
    }

    @Test
    void getOrganization_whenIdIsGarbage_answers404() {
        Account ada = api.signup();
        List<String> garbage = List.of("garbage", "org_", "org_x", new RandomIds().next("org"), ada.userId(),
                ada.organizationId().toUpperCase(), ada.organizationId() + "x", "org_" + "a".repeat(300),
                "org_%2E%2E", "'%20OR%201=1", "caf%C3%A9");
        for (String id : garbage) {
            assertError(api.get("/v1/orgs/" + id, ada.token()), 404, "ResourceNotFound");
            assertError(api.patch("/v1/orgs/" + id, ada.token(), "{\"name\":\"x\",\"version\":1}"), 404, "ResourceNotFound");
        }
    }

    @Test
    void getOrganization_whenIdIsNotText_answers400() {
        Account ada = api.signup();
        // A control character (the HTTP server refuses %00 itself), bytes that are not UTF-8 (a malformed
        // escape such as %zz, which java.net.URI will not send, is in LocalHttpServerMalformedRequestTest).
        for (String id : List.of("%00", "org_%0A", "%E9", "org_%C3")) {
            Response got = api.get("/v1/orgs/" + id, ada.token());
            assertError(got, 400, "ValidationError");
            assertError(api.patch("/v1/orgs/" + id, ada.token(), "{\"name\":\"x\",\"version\":1}"), 400, "ValidationError");
            if (!id.equals("%00")) {
                assertEquals(List.of("orgId"), got.fields(), id);
            }
        }
    }

    @Test
    void listOrganizations_whenSeveralTenants_showsOnlyTheCallersOwn() {
        Account ada = api.signup();
        Account bob = api.signup();
        String second = api.createOrganization(ada.token(), "second");

        List<String> adas = ids(api.get("/v1/orgs", ada.token()));
        List<String> bobs = ids(api.get("/v1/orgs", bob.token()));

        assertEquals(List.of(ada.organizationId(), second).stream().sorted().toList(), adas.stream().sorted().toList());
        assertEquals(List.of(bob.organizationId()), bobs);
    }

    @Test
    void me_whenUserOwnsTwoOrganizations_listsBothMemberships() {
        Account ada = api.signup();
        String second = api.createOrganization(ada.token(), "second");

        Response me = api.get("/v1/me", ada.token());

        List<String> orgs = new ArrayList<>();
        me.json().path("memberships").forEach(m -> orgs.add(m.path("organizationId").asText()));
        assertEquals(List.of(ada.organizationId(), second).stream().sorted().toList(), orgs.stream().sorted().toList());
    }

    private static List<String> ids(Response list) {
        assertEquals(200, list.status(), list.toString());
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
