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
