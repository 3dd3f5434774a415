package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text in requests is valid Unicode, stored as sent: an unpaired surrogate (a JSON {@code \ud800}
 * escape) or bytes that are not UTF-8 are a 400 naming where they are, and nothing is written; names
 * that differ only in normalization ({@code é} precomposed or decomposed) are one name.
 */
class LocalBackendTextTest {
    /** What the JSON text says: a backslash-u escape of a lone high surrogate. */
    private static final String LONE_SURROGATE = "\\ud800";
    private static final String PRECOMPOSED = "caf\u00e9";
    private static final String DECOMPOSED = "cafe\u0301";

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
    void create_whenANameHoldsALoneSurrogate_answers400NamingItAndStoresNothing() {
        Account owner = api.signup();
        String org = "/v1/orgs/" + owner.organizationId();
        List<String[]> calls = List.of(
                new String[] {"POST", org + "/teams", "{\"name\":\"" + LONE_SURROGATE + "\"}"},
                new String[] {"POST", org + "/roles", "{\"name\":\"r" + LONE_SURROGATE + "\",\"permissions\":[\"clusters:read\"]}"},
                new String[] {"POST", "/v1/me/tokens", "{\"name\":\"" + LONE_SURROGATE + "\"}"},
                new String[] {"POST", "/v1/orgs", "{\"name\":\"" + LONE_SURROGATE + "x\"}"},
                new String[] {"PATCH", org, "{\"name\":\"" + LONE_SURROGATE + "\",\"version\":1}"},
                new String[] {"POST", org + "/cloud-accounts", "{\"name\":\"" + LONE_SURROGATE + "\",\"awsAccountId\":\"123456789012\"}"});
        for (String[] call : calls) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Response response = api.send(call[0], call[1], owner.token(), call[2]);
                assertError(response, 400, "ValidationError");
                assertEquals(List.of("name"), response.fields(), call[1] + ": " + response);
            }
        }

        assertEquals(List.of(), names(api.get(org + "/teams", owner.token())));
        assertEquals(0, names(api.get(org + "/roles", owner.token())).stream().filter(n -> n.startsWith("r")).count());
        assertEquals(List.of(), names(api.get(org + "/cloud-accounts", owner.token())));
        assertEquals(List.of("first"), names(api.get("/v1/orgs", owner.token())));
        assertEquals("first", api.get(org, owner.token()).json().path("name").asText());
        assertEquals(1, api.get(org, owner.token()).json().path("version").asLong(), "the organization was not touched");
        assertEquals(201, api.post(org + "/teams", owner.token(), "{\"name\":\"?\"}").status(), "no team took the name '?'");
    }

    @Test
    void signup_whenAnyFieldHoldsALoneSurrogate_namesEachAndCreatesNoUser() {
        Response response = api.post("/v1/signup", null, "{\"email\":\"a" + LONE_SURROGATE + "@example.com\",\"name\":\""
                + LONE_SURROGATE + "\",\"organizationName\":\"ok\"}");

        assertError(response, 400, "ValidationError");
        assertEquals(List.of("email", "name"), response.fields());
    }

    @Test
    void create_whenANestedValueOrFieldNameHoldsALoneSurrogate_namesItsPath() {
        Account owner = api.signup();
        String org = "/v1/orgs/" + owner.organizationId();

        Response cidr = api.post(org + "/clusters", owner.token(), "{\"name\":\"c\",\"networkId\":\"net_x\",\"accessPolicy\":"
                + "{\"mode\":\"public\",\"allowedCidrs\":[\"10.0.0.0/8\",\"" + LONE_SURROGATE + "\"]}}");
        assertError(cidr, 400, "ValidationError");
        assertEquals(List.of("accessPolicy.allowedCidrs[1]"), cidr.fields());

        Response key = api.post(org + "/catalogs", owner.token(), "{\"name\":\"lake\",\"kind\":\"iceberg\",\"config\":{\"location"
                + LONE_SURROGATE + "\":\"s3://acme/x\"}}");
        assertError(key, 400, "ValidationError");
        assertEquals(List.of("body"), key.fields(), "the JSON parser refuses such a field name: " + key);
    }

    @Test
    void create_whenTheBodyIsNotUtf8_answers400NamingBodyAndStoresNothing() {
        Account owner = api.signup();
        String org = "/v1/orgs/" + owner.organizationId();
        byte[] latin1 = "{\"name\":\"\u00e9t\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        for (String path : List.of(org + "/teams", org + "/cloud-accounts", "/v1/me/tokens")) {
            Response response = api.sendBytes("POST", path, owner.token(), latin1, "Content-Type", "application/json");
            assertError(response, 400, "ValidationError");
            assertEquals(List.of("body"), response.fields(), path);
        }
        assertEquals(List.of(), names(api.get(org + "/teams", owner.token())));
        assertEquals(List.of(), names(api.get(org + "/cloud-accounts", owner.token())));
        byte[] utf8 = "{\"name\":\"\u00e9t\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        Response stored = api.sendBytes("POST", org + "/teams", owner.token(), utf8, "Content-Type", "application/json");
        assertEquals(201, stored.status(), stored.toString());
        assertEquals("\u00e9t\u00e9", stored.json().path("name").asText(), "valid UTF-8 is stored as sent");
    }

    @Test
    void create_whenNamesDifferOnlyInNormalization_collideAndKeepTheFormSent() {
        Account owner = api.signup();
        String org = "/v1/orgs/" + owner.organizationId();

        Response team = api.post(org + "/teams", owner.token(), "{\"name\":\"" + DECOMPOSED + "\"}");
        assertEquals(201, team.status(), team.toString());
        assertEquals(DECOMPOSED, team.json().path("name").asText(), "stored as sent, not normalized");
        assertError(api.post(org + "/teams", owner.token(), "{\"name\":\"" + PRECOMPOSED + "\"}"), 409, "Conflict");

        assertEquals(201, api.post(org + "/roles", owner.token(), "{\"name\":\"" + PRECOMPOSED
                + "\",\"permissions\":[\"clusters:read\"]}").status());
        assertError(api.post(org + "/roles", owner.token(), "{\"name\":\"" + DECOMPOSED
                + "\",\"permissions\":[\"clusters:read\"]}"), 409, "Conflict");

        Response account = api.post(org + "/cloud-accounts", owner.token(), "{\"name\":\"" + PRECOMPOSED
                + "\",\"awsAccountId\":\"111111111111\"}");
        assertEquals(201, account.status(), account.toString());
        assertError(api.post(org + "/cloud-accounts", owner.token(), "{\"name\":\"" + DECOMPOSED
                + "\",\"awsAccountId\":\"222222222222\"}"), 409, "Conflict");
        assertEquals(List.of(PRECOMPOSED), names(api.get(org + "/cloud-accounts", owner.token())));

        // Deleting the account frees the name in either form.
        assertEquals(204, api.delete(org + "/cloud-accounts/" + account.json().path("id").asText(), owner.token()).status());
        assertEquals(201, api.post(org + "/cloud-accounts", owner.token(), "{\"name\":\"" + DECOMPOSED
                + "\",\"awsAccountId\":\"222222222222\"}").status());
    }

    private static List<String> names(Response list) {
        assertEquals(200, list.status(), list.toString());
        List<String> names = new ArrayList<>();
        for (JsonNode item : list.json().path("items")) {
            names.add(item.path("name").asText());
        }
        return names;
    }
}
