package com.lakesail.backend.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.ApiRequest;
import com.lakesail.backend.api.ApiResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls the API handler in-process, as the HTTP hosts do, with small helpers for access scenarios. */
final class InProcessApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger USERS = new AtomicInteger();

    private final ApiHandler api;

    InProcessApi(ApiHandler api) {
        this.api = api;
    }

    record Response(int status, JsonNode body) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    /** A signed-up user with its own first organization. */
    record User(String userId, String email, String token, String orgId) {
    }

    Response call(String method, String path, String token, String body) {
        return call(method, path, Map.of(), token, body);
    }

    Response call(String method, String path, Map<String, String> query, String token, String body) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        ApiResponse response = api.handle(new ApiRequest(method, path, query, headers, body));
        try {
            return new Response(response.status(), response.body() == null ? MissingNode.getInstance() : JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    User signup(String name) {
        String email = name + "-" + USERS.incrementAndGet() + "@example.com";
        Response r = call("POST", "/v1/signup", null,
                "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"organizationName\":\"" + name + "-org\"}");
        expect(201, r);
        return new User(r.body().path("user").path("id").asText(), email, r.body().path("token").path("secret").asText(),
                r.body().path("organization").path("id").asText());
    }

    /** Invites {@code invitee} into {@code orgId} with the roles, and accepts; returns the new member id. */
    String join(User inviter, String orgId, User invitee, List<String> roleIds) {
        Response invitation = call("POST", "/v1/orgs/" + orgId + "/invitations", inviter.token(),
                "{\"email\":\"" + invitee.email() + "\",\"roleIds\":" + json(roleIds) + "}");
        expect(201, invitation);
        Response accepted = call("POST", "/v1/invitations/accept", invitee.token(),
                "{\"token\":\"" + invitation.text("token") + "\"}");
        expect(200, accepted);
        return accepted.text("id");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response.status() + ": " + response.body());
        }
        return response;
    }
}
