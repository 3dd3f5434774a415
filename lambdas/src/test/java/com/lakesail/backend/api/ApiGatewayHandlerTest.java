package com.lakesail.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.TestComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayHandlerTest {
    private static final String SIGNUP = "{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"organizationName\":\"Åcme\"}";

    private final ApiGatewayHandler handler = new ApiGatewayHandler(TestComponent.over(new InMemoryStore(), Clock.systemUTC()).api());

    @Test
    void handleRequest_whenPlainBody_mapsEventToResponse() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("POST", "/v1/signup", SIGNUP, false), null);

        assertEquals(201, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertTrue(response.getHeaders().get("X-Request-Id").startsWith("req_"));
        assertEquals("Åcme", json(response).path("organization").path("name").asText());
    }

    @Test
    void handleRequest_whenBodyIsBase64_decodesItAsUtf8() {
        String encoded = Base64.getEncoder().encodeToString(SIGNUP.getBytes(StandardCharsets.UTF_8));

        APIGatewayProxyResponseEvent response = handler.handleRequest(event("POST", "/v1/signup", encoded, true), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals("Åcme", json(response).path("organization").path("name").asText());
    }

    @Test
    void handleRequest_whenBase64FlagAbsent_readsBodyAsIs() {
        APIGatewayProxyRequestEvent event = event("POST", "/v1/signup", SIGNUP, false).withIsBase64Encoded(null);

        assertEquals(201, handler.handleRequest(event, null).getStatusCode());
    }

    @Test
    void handleRequest_whenHeadersAndQueryNull_answersUnauthenticatedNotInternalError() {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/v1/orgs")
                .withHeaders(null).withQueryStringParameters(null);

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertEquals(401, response.getStatusCode());
        assertEquals("Unauthenticated", json(response).path("error").path("code").asText());
        assertEquals(response.getHeaders().get("X-Request-Id"), json(response).path("error").path("requestId").asText());
    }

    @Test
    void handleRequest_whenAuthenticatedWithNullQuery_listsWithDefaults() {
        String secret = signup();
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/v1/orgs")
                .withHeaders(Map.of("authorization", "Bearer " + secret)).withQueryStringParameters(null);

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(1, json(response).path("items").size());
        assertFalse(json(response).has("nextToken"));
    }

    @Test
    void handleRequest_whenQueryStringGiven_passesItToTheRoute() {
        String secret = signup();
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/v1/me/tokens")
                .withHeaders(Map.of("Authorization", "Bearer " + secret)).withQueryStringParameters(Map.of("limit", "zero"));

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertEquals(400, response.getStatusCode());
        assertEquals("limit", json(response).path("error").path("details").path(0).path("field").asText());
    }

    @Test
    void handleRequest_whenMethodInLowerCase_routesIt() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("post", "/v1/signup", SIGNUP, false), null);

        assertEquals(201, response.getStatusCode());
    }

    @Test
    void handleRequest_whenNoContent_returnsNullBodyWithRequestId() {
        String secret = signup();
        APIGatewayProxyRequestEvent list = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/v1/me/tokens")
                .withHeaders(Map.of("Authorization", "Bearer " + secret));
        String tokenId = json(handler.handleRequest(list, null)).path("items").path(0).path("id").asText();
        APIGatewayProxyRequestEvent revoke = new APIGatewayProxyRequestEvent().withHttpMethod("DELETE")
                .withPath("/v1/me/tokens/" + tokenId).withHeaders(Map.of("Authorization", "Bearer " + secret));

        APIGatewayProxyResponseEvent response = handler.handleRequest(revoke, null);

        assertEquals(204, response.getStatusCode());
        assertNull(response.getBody());
        assertNotNull(response.getHeaders().get("X-Request-Id"));
    }

    @Test
    void handleRequest_whenTheBase64BodyIsNotUtf8_answers400NamingBodyAndCreatesNothing() {
        byte[] latin1 = SIGNUP.replace("Ada", "\u00e9t\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        APIGatewayProxyResponseEvent response = handler.handleRequest(event("POST", "/v1/signup",
                Base64.getEncoder().encodeToString(latin1), true), null);

        assertError(response, 400, "ValidationError", "body");
        assertEquals(201, handler.handleRequest(event("POST", "/v1/signup", SIGNUP, false), null).getStatusCode(),
                "the email was not taken by a half-written user");
    }

    @Test
    void handleRequest_whenTheBase64IsMalformed_answers400NamingBody() {
        assertError(handler.handleRequest(event("POST", "/v1/signup", "not base64!", true), null), 400, "ValidationError", "body");
    }

    @Test
    void handleRequest_whenATextBodyHoldsALoneSurrogate_answers400NamingBody() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("POST", "/v1/signup",
                SIGNUP.replace("Ada", "A\ud800"), false), null);

        assertError(response, 400, "ValidationError", "body");
    }

    @Test
    void handleRequest_whenAJsonEscapeSpellsALoneSurrogate_answers400NamingTheField() {
        String body = SIGNUP.replace("Ada", "\\ud800");

        assertError(handler.handleRequest(event("POST", "/v1/signup", body, false), null), 400, "ValidationError", "name");
        assertError(handler.handleRequest(event("POST", "/v1/signup",
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), true), null), 400, "ValidationError", "name");
    }

    @Test
    void handleRequest_whenAQueryParameterHoldsALoneSurrogate_answers400NamingIt() {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/v1/me/tokens")
                .withHeaders(Map.of("Authorization", "Bearer " + signup())).withQueryStringParameters(Map.of("nextToken", "\udc00"));

        assertError(handler.handleRequest(event, null), 400, "ValidationError", "nextToken");
    }

    @Test
    void handleRequest_whenAPathParameterIsNotText_answers400NamingIt() {
        String secret = signup();
        for (String id : new String[] {"%E9", "%zz", "org_%C3", "%0A"}) {
            assertError(handler.handleRequest(get("/v1/orgs/" + id, secret), null), 400, "ValidationError", "orgId");
        }
        assertError(handler.handleRequest(get("/v1/orgs/caf\u00e9", secret), null), 400, "ValidationError", "path");
        APIGatewayProxyResponseEvent decoded = handler.handleRequest(get("/v1/orgs/org%5Fnone", secret), null);
        assertEquals(404, decoded.getStatusCode());
        assertTrue(json(decoded).path("error").path("message").asText().contains("org_none"), "the segment is percent-decoded");
    }

    private static APIGatewayProxyRequestEvent get(String path, String secret) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath(path)
                .withHeaders(Map.of("Authorization", "Bearer " + secret));
    }

    private static void assertError(APIGatewayProxyResponseEvent response, int status, String code, String field) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).path("error");
        assertEquals(code, error.path("code").asText(), response.getBody());
        assertEquals(response.getHeaders().get("X-Request-Id"), error.path("requestId").asText());
        assertEquals(field, error.path("details").path(0).path("field").asText(), response.getBody());
        assertEquals(1, error.path("details").size(), response.getBody());
    }

    private String signup() {
        return json(handler.handleRequest(event("POST", "/v1/signup", SIGNUP, false), null)).path("token").path("secret").asText();
    }

    private static APIGatewayProxyRequestEvent event(String method, String path, String body, boolean base64) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path).withHeaders(headers)
                .withBody(body).withIsBase64Encoded(base64);
    }

    private static JsonNode json(APIGatewayProxyResponseEvent response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
