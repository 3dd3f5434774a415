package com.lakesail.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.TestComponent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiGatewayHandlerTest {
    private static final String SIGNUP = "{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"organizationName\":\"Åcme\"}";

    private final InMemoryStore store = new InMemoryStore();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final ApiGatewayHandler handler = new ApiGatewayHandler(TestComponent.over(store, Clock.systemUTC(),
            new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC(), true)).api());

    @Test
    void handleRequest_whenPlainBody_mapsEventToResponse() throws IOException {
        JsonNode response = call(event("POST", "/v1/signup", SIGNUP, false));

        assertEquals(201, response.path("statusCode").asInt());
        assertEquals("application/json", response.path("headers").path("Content-Type").asText());
        assertTrue(response.path("headers").path("X-Request-Id").asText().startsWith("req_"));
        assertFalse(response.path("isBase64Encoded").asBoolean(true));
        assertEquals("Åcme", body(response).path("organization").path("name").asText());
    }

    @Test
    void handleRequest_whenBodyIsBase64_decodesItAsUtf8() throws IOException {
        String encoded = Base64.getEncoder().encodeToString(SIGNUP.getBytes(StandardCharsets.UTF_8));

        JsonNode response = call(event("POST", "/v1/signup", encoded, true));

        assertEquals(201, response.path("statusCode").asInt(), response.toString());
        assertEquals("Åcme", body(response).path("organization").path("name").asText());
    }

    @Test
    void handleRequest_whenBase64FlagAbsent_readsBodyAsIs() throws IOException {
        ObjectNode event = event("POST", "/v1/signup", SIGNUP, false);
        event.remove("isBase64Encoded");

        assertEquals(201, call(event).path("statusCode").asInt());
    }

    @Test
    void handleRequest_whenHeadersAndQueryNull_answersUnauthenticatedNotInternalError() throws IOException {
        ObjectNode event = Json.object().put("httpMethod", "GET").put("path", "/v1/orgs");
        event.putNull("headers");
        event.putNull("queryStringParameters");

        JsonNode response = call(event);

        assertEquals(401, response.path("statusCode").asInt());
        assertEquals("Unauthenticated", body(response).path("error").path("code").asText());
        assertEquals(response.path("headers").path("X-Request-Id").asText(), body(response).path("error").path("requestId").asText());
    }

    @Test
    void handleRequest_whenAuthenticatedWithNullQuery_listsWithDefaults() throws IOException {
        String secret = signup();
        ObjectNode event = Json.object().put("httpMethod", "GET").put("path", "/v1/orgs");
        event.putObject("headers").put("authorization", "Bearer " + secret);
        event.putNull("queryStringParameters");

        JsonNode response = call(event);

        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals(1, body(response).path("items").size());
        assertFalse(body(response).has("nextToken"));
    }

    @Test
    void handleRequest_whenQueryStringGiven_passesItToTheRoute() throws IOException {
        String secret = signup();
        ObjectNode event = Json.object().put("httpMethod", "GET").put("path", "/v1/me/tokens");
        event.putObject("headers").put("Authorization", "Bearer " + secret);
        event.putObject("queryStringParameters").put("limit", "zero");

        JsonNode response = call(event);

        assertEquals(400, response.path("statusCode").asInt());
        assertEquals("limit", body(response).path("error").path("details").path(0).path("field").asText());
    }

    @Test
    void handleRequest_whenMethodInLowerCase_routesIt() throws IOException {
        assertEquals(201, call(event("post", "/v1/signup", SIGNUP, false)).path("statusCode").asInt());
    }

    @Test
    void handleRequest_whenNoContent_returnsNullBodyWithRequestId() throws IOException {
        String secret = signup();
        ObjectNode list = Json.object().put("httpMethod", "GET").put("path", "/v1/me/tokens");
        list.putObject("headers").put("Authorization", "Bearer " + secret);
        String tokenId = body(call(list)).path("items").path(0).path("id").asText();
        ObjectNode revoke = Json.object().put("httpMethod", "DELETE").put("path", "/v1/me/tokens/" + tokenId);
        revoke.putObject("headers").put("Authorization", "Bearer " + secret);

        JsonNode response = call(revoke);

        assertEquals(204, response.path("statusCode").asInt());
        assertTrue(response.path("body").isNull());
        assertFalse(response.path("headers").path("X-Request-Id").asText().isEmpty());
    }

    @Test
    void handleRequest_whenNotAProxyEvent_refusesItByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> call(Json.object().put("source", "aws.events")));

        assertEquals("not an API Gateway proxy event: httpMethod and path are required", e.getMessage());
    }

    @Test
    void handleRequest_whenTheBase64BodyIsNotUtf8_answers400NamingBodyAndCreatesNothing() throws IOException {
        byte[] latin1 = SIGNUP.replace("Ada", "\u00e9t\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        JsonNode response = call(event("POST", "/v1/signup", Base64.getEncoder().encodeToString(latin1), true));

        assertError(response, 400, "ValidationError", "body");
        assertEquals(201, call(event("POST", "/v1/signup", SIGNUP, false)).path("statusCode").asInt(),
                "the email was not taken by a half-written user");
    }

    @Test
    void handleRequest_whenTheBase64IsMalformed_answers400NamingBody() throws IOException {
        assertError(call(event("POST", "/v1/signup", "not base64!", true)), 400, "ValidationError", "body");
    }

    @Test
    void handleRequest_whenATextBodyHoldsALoneSurrogate_answers400NamingBody() throws IOException {
        JsonNode response = call(event("POST", "/v1/signup", SIGNUP.replace("Ada", "A\ud800"), false));

        assertError(response, 400, "ValidationError", "body");
    }

    @Test
    void handleRequest_whenAJsonEscapeSpellsALoneSurrogate_answers400NamingTheField() throws IOException {
        String body = SIGNUP.replace("Ada", "\\ud800");

        assertError(call(event("POST", "/v1/signup", body, false)), 400, "ValidationError", "name");
        assertError(call(event("POST", "/v1/signup",
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), true)), 400, "ValidationError", "name");
    }

    @Test
    void handleRequest_whenAQueryParameterHoldsALoneSurrogate_answers400NamingIt() throws IOException {
        ObjectNode event = get("/v1/me/tokens", signup());
        event.putObject("queryStringParameters").put("nextToken", "\udc00");

        assertError(call(event), 400, "ValidationError", "nextToken");
    }

    @Test
    void handleRequest_whenAPathParameterIsNotText_answers400NamingIt() throws IOException {
        String secret = signup();
        for (String id : new String[] {"%E9", "%zz", "org_%C3", "%0A"}) {
            assertError(call(get("/v1/orgs/" + id, secret)), 400, "ValidationError", "orgId");
        }
        assertError(call(get("/v1/orgs/caf\u00e9", secret)), 400, "ValidationError", "path");
        JsonNode decoded = call(get("/v1/orgs/org%5Fnone", secret));
        assertEquals(404, decoded.path("statusCode").asInt());
        assertTrue(body(decoded).path("error").path("message").asText().contains("org_none"), "the segment is percent-decoded");
    }

    private static ObjectNode get(String path, String secret) {
        ObjectNode event = Json.object().put("httpMethod", "GET").put("path", path);
        event.putObject("headers").put("Authorization", "Bearer " + secret);
        return event;
    }

    private static void assertError(JsonNode response, int status, String code, String field) throws IOException {
        String text = response.path("body").asText();
        assertEquals(status, response.path("statusCode").asInt(), text);
        JsonNode error = body(response).path("error");
        assertEquals(code, error.path("code").asText(), text);
        assertEquals(response.path("headers").path("X-Request-Id").asText(), error.path("requestId").asText());
        assertEquals(field, error.path("details").path(0).path("field").asText(), text);
        assertEquals(1, error.path("details").size(), text);
    }

    @Test
    void beforeCheckpoint_whenPriming_touchesNoStoreAndLogsNoRequest() throws IOException {
        handler.beforeCheckpoint(null);

        assertEquals(0, store.roundTrips());
        String log = logged.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("\"message\":\"primed for the snapshot\""), log);
    }

    private String signup() throws IOException {
        return body(call(event("POST", "/v1/signup", SIGNUP, false))).path("token").path("secret").asText();
    }

    /** The event as the runtime hands it over: JSON in UTF-8, where text that is not Unicode can only be an escape. */
    private JsonNode call(ObjectNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] json = Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(event);
        handler.handleRequest(new ByteArrayInputStream(json), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private static ObjectNode event(String method, String path, String body, boolean base64) {
        ObjectNode event = Json.object().put("httpMethod", method).put("path", path).put("body", body)
                .put("isBase64Encoded", base64);
        event.putObject("headers").put("content-type", "application/json");
        return event;
    }

    private static JsonNode body(JsonNode response) throws IOException {
        return Json.MAPPER.readTree(response.path("body").asText());
    }
}
