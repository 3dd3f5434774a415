package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.util.List;

/** The identity-and-access steps the HTTP acceptance tests repeat: invite, accept, join, bind. */
final class AccessSteps {
    private final HttpApi api;

    AccessSteps(HttpApi api) {
        this.api = api;
    }

    static String orgPath(String orgId, String rest) {
        return "/v1/orgs/" + orgId + rest;
    }

    Response invite(Account inviter, String orgId, String email, List<String> roleIds, List<String> teamIds) {
        return api.post(orgPath(orgId, "/invitations"), inviter.token(),
                "{\"email\":\"" + email + "\",\"roleIds\":" + json(roleIds) + ",\"teamIds\":" + json(teamIds) + "}");
    }

    /** The secret token of a new invitation. */
    String invitationToken(Account inviter, String orgId, String email, List<String> roleIds, List<String> teamIds) {
        Response response = invite(inviter, orgId, email, roleIds, teamIds);
        assertEquals(201, response.status(), response.toString());
        return response.json().path("token").asText();
    }

    Response accept(Account invitee, String token) {
        return api.post("/v1/invitations/accept", invitee.token(), "{\"token\":\"" + token + "\"}");
    }

    /** A fresh user joined to {@code orgId} with the roles; returns the account and its member id. */
    Joined join(Account inviter, String orgId, String... roleIds) {
        Account user = api.signup();
        Response accepted = accept(user, invitationToken(inviter, orgId, user.email(), List.of(roleIds), List.of()));
        assertEquals(200, accepted.status(), accepted.toString());
        return new Joined(user, accepted.json().path("id").asText());
    }

    record Joined(Account account, String memberId) {
        String token() {
            return account.token();
        }
    }

    /** The member id of the account in the organization, from {@code /v1/me}. */
    String memberId(Account account, String orgId) {
        for (var m : api.get("/v1/me", account.token()).json().path("memberships")) {
            if (m.path("organizationId").asText().equals(orgId)) {
                return m.path("memberId").asText();
            }
        }
        throw new AssertionError(account.email() + " is no member of " + orgId);
    }

    String createTeam(Account caller, String orgId, String name) {
        Response team = api.post(orgPath(orgId, "/teams"), caller.token(), "{\"name\":\"" + name + "\"}");
        assertEquals(201, team.status(), team.toString());
        return team.json().path("id").asText();
    }

    Response bind(Account caller, String orgId, String roleId, String subjectType, String subjectId, String scope) {
        return api.post(orgPath(orgId, "/role-bindings"), caller.token(), "{\"roleId\":\"" + roleId + "\",\"subject\":{\"type\":\""
                + subjectType + "\",\"id\":\"" + subjectId + "\"}" + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}");
    }

    /** The id of the binding of {@code roleId} to a subject of {@code subjectType}. */
    String bindingId(Account caller, String orgId, String roleId, String subjectType) {
        for (var b : api.get(orgPath(orgId, "/role-bindings"), caller.token()).json().path("items")) {
            if (b.path("roleId").asText().equals(roleId) && b.path("subject").path("type").asText().equals(subjectType)) {
                return b.path("id").asText();
            }
        }
        throw new AssertionError("no binding of " + roleId + " to a " + subjectType + " in " + orgId);
    }

    static String json(Object value) {
        try {
            return HttpApi.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
