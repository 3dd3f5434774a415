package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance: malformed, missing, mistyped or unknown fields → 400 naming the field; 404, 405, 413 in the error format. */
class LocalBackendValidationTest {
    private static LocalBackend backend;
    private static HttpApi api;
    private static Account account;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
        api = new HttpApi(backend.endpoint());
        account = api.signup();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void get_whenAPathSegmentHidesAnEncodedSlash_findsNoRoute() {
        assertError(api.get("/v1/orgs/" + account.organizationId() + "%2Fteams", account.token()), 404, "ResourceNotFound");
    }

    @Test
    void signup_whenJsonMalformed_answers400NamingBody() {
        for (String body : List.of("{", "{\"email\": }", "{'email': 'a@b.io'}", "[]", "\"text\"",
                "{\"name\":\"a\"} {\"name\":\"b\"}", "{\"a\":".repeat(50) + "1" + "}".repeat(50))) {
            Response response = api.post("/v1/signup", null, body);

            assertError(response, 400, "ValidationError");
            assertEquals(List.of("body"), response.fields(), body);
        }
    }

    @Test
    void signup_whenAFieldIsGivenTwice_answers400NamingTheField() {
        Response response = api.post("/v1/signup", null, "{\"email\":\"a@b.io\",\"email\":\"c@d.io\"}");

        assertError(response, 400, "ValidationError");
        assertEquals(List.of("email"), response.fields());
        assertEquals("is given more than once", response.json().path("error").path("details").get(0).path("message").asText());
    }

    @Test
    void createOrganization_whenBodyEmpty_answers400NamingBody() {
        Response response = api.send("POST", "/v1/orgs", account.token(), null);

        assertError(response, 400, "ValidationError");
        assertEquals(List.of("body"), response.fields());
    }

    @Test
    void signup_whenFieldsMissing_answers400NamingEveryOne() {
        Response response = api.post("/v1/signup", null, "{}");

        assertError(response, 400, "ValidationError");
        assertEquals(List.of("email", "name", "organizationName"), response.fields());
    }

    @Test
    void signup_whenFieldsMistyped_answers400NamingEveryOne() {
        Response response = api.post("/v1/signup", null, "{\"email\": 1, \"name\": true, \"organizationName\": [\"x\"]}");

        assertError(response, 400, "ValidationError");
        assertEquals(List.of("email", "name", "organizationName"), response.fields());
        response.json().path("error").path("details")
                .forEach(d -> assertEquals("must be a string", d.path("message").asText(), d.toString()));
    }

    @Test
    void signup_whenValuesInvalid_answers400NamingEveryOne() {
        Response response = api.post("/v1/signup", null,
                "{\"email\": \"not-an-email\", \"name\": \" padded \", \"organizationName\": \"" + "x".repeat(101) + "\"}");

        assertError(response, 400, "ValidationError");
        assertEquals(List.of("email", "name", "organizationName"), response.fields());
    }

    @Test
    void createOrganization_whenUnknownField_answers400NamingIt() {
        Response response = api.post("/v1/orgs", account.token(), "{\"name\": \"acme\", \"nmae\": \"typo\"}");

        assertError(response, 400, "ValidationError");
        assertEquals(List.of("nmae"), response.fields());
    }

    @Test
    void createToken_whenExpiryMistypedOrOutOfRange_answers400NamingIt() {
        for (String expiry : List.of("\"30\"", "1.5", "0", "366", "99999999999")) {
            Response response = api.post("/v1/me/tokens", account.token(), "{\"name\": \"ci\", \"expiresInDays\": " + expiry + "}");

            assertError(response, 400, "ValidationError");
            assertEquals(List.of("expiresInDays"), response.fields(), expiry);
        }
    }

    @Test
    void updateOrganization_whenVersionMissingOrMistyped_answers400NamingVersion() {
        String path = "/v1/orgs/" + account.organizationId();
        for (String body : List.of("{\"name\": \"renamed\"}", "{\"name\": \"renamed\", \"version\": \"1\"}",
                "{\"name\": \"renamed\", \"version\": 1.0}")) {
            Response response = api.patch(path, account.token(), body);

            assertError(response, 400, "ValidationError");
            assertEquals(List.of("version"), response.fields(), body);
        }
        assertEquals(1, api.get(path, account.token()).json().path("version").asLong(), "nothing changed");
    }

    @Test
    void createOrganization_whenBodyOneByteOverTheLimit_answers413() {
        String body = "{\"name\":\"" + "x".repeat(ApiHandler.MAX_BODY_BYTES - 10) + "\"}";
        assertEquals(ApiHandler.MAX_BODY_BYTES + 1, body.length());

        Response response = api.post("/v1/orgs", account.token(), body);

        assertError(response, 413, "PayloadTooLarge");
    }

    @Test
    void createOrganization_whenBodyOneMebibyte_answers413() {
        Response response = api.post("/v1/orgs", account.token(), "{\"name\":\"" + "x".repeat(1 << 20) + "\"}");

        assertError(response, 413, "PayloadTooLarge");
        assertEquals(200, api.get("/v1/me", account.token()).status(), "the server still answers");
    }

    @Test
    void get_whenRouteUnknown_answers404InTheErrorFormat() {
        for (String path : List.of("/", "/v1", "/v1/nothing", "/v2/orgs", "/v1/orgs/" + account.organizationId() + "/nothing")) {
            assertError(api.get(path, account.token()), 404, "ResourceNotFound");
            assertError(api.get(path, null), 404, "ResourceNotFound");
        }
    }

    @Test
    void send_whenMethodNotAllowedOnKnownPath_answers405NamingTheAllowedMethods() {
        Response response = api.delete("/v1/orgs", account.token());

        assertError(response, 405, "MethodNotAllowed");
        assertEquals("GET, POST", response.header("Allow").orElseThrow());
        assertError(api.send("PUT", "/v1/me", account.token(), "{}"), 405, "MethodNotAllowed");
    }

    @Test
    void get_whenSucceeding_carriesAFreshRequestId() {
        Response first = api.get("/v1/me", account.token());
        Response second = api.get("/v1/me", account.token());

        assertEquals(200, first.status());
        assertTrue(!first.requestId().equals(second.requestId()), "a fresh request id per request");
    }
}
