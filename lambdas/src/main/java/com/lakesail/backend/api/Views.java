package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.ApiToken;
import com.lakesail.backend.domain.Organization;
import com.lakesail.backend.domain.User;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.service.IdentityService.CreatedToken;
import com.lakesail.backend.service.IdentityService.Me;
import com.lakesail.backend.service.IdentityService.Membership;
import com.lakesail.backend.service.IdentityService.SignupResult;
import java.time.Instant;

/**
 * Domain objects as the REST contract shows them. Explicit, so no internal field (a secret's hash)
 * can leak by being added to a record.
 */
final class Views {
    private Views() {
    }

    /**
     * @param withSecrets false for idempotent replays: a token's secret is shown once, never stored
     */
    static JsonNode render(Object result, boolean withSecrets) {
        if (result instanceof Organization org) {
            return organization(org);
        } else if (result instanceof CreatedToken created) {
            return createdToken(created, withSecrets);
        } else if (result instanceof ApiToken token) {
            return token(token);
        } else if (result instanceof SignupResult signup) {
            ObjectNode node = Json.object();
            node.set("user", user(signup.user()));
            node.set("organization", organization(signup.organization()));
            node.set("token", createdToken(signup.token(), withSecrets));
            return node;
        } else if (result instanceof Me me) {
            return me(me);
        } else if (InfraViews.handles(result)) {
            return InfraViews.render(result);
        } else if (SessionViews.handles(result)) {
            return SessionViews.render(result, withSecrets);
        } else if (JobViews.handles(result)) {
            return JobViews.render(result);
        } else if (EventViews.handles(result)) {
            return EventViews.render(result);
        } else if (AccessViews.handles(result)) {
            return AccessViews.render(result, withSecrets);
        } else if (result instanceof Page<?> page) {
            ObjectNode node = Json.object();
            ArrayNode items = node.putArray("items");
            page.items().forEach(item -> items.add(render(item, withSecrets)));
            if (page.nextToken() != null) {
                node.put("nextToken", page.nextToken());
            }
            return node;
        }
        throw new IllegalArgumentException("no view for " + result.getClass().getName());
    }

    static ObjectNode user(User user) {
        ObjectNode node = Json.object().put("id", user.id()).put("email", user.email()).put("name", user.name());
        times(node, user.createdAt(), user.updatedAt());
        return node;
    }

    static ObjectNode organization(Organization org) {
        ObjectNode node = Json.object().put("id", org.id()).put("name", org.name());
        times(node, org.createdAt(), org.updatedAt());
        return node.put("version", org.version());
    }

    static ObjectNode token(ApiToken token) {
        ObjectNode node = Json.object().put("id", token.id()).put("name", token.name()).put("prefix", token.prefix())
                .put("status", Wire.name(token.status()))
                .put("createdAt", token.createdAt().toString()).put("expiresAt", token.expiresAt().toString());
        if (token.revokedAt() != null) {
            node.put("revokedAt", token.revokedAt().toString());
        }
        return node;
    }

    private static ObjectNode createdToken(CreatedToken created, boolean withSecret) {
        ObjectNode node = token(created.token());
        if (withSecret) {
            node.put("secret", created.secret());
        }
        return node;
    }

    private static ObjectNode me(Me me) {
        ObjectNode node = Json.object();
        node.set("user", user(me.user()));
        ArrayNode memberships = node.putArray("memberships");
        for (Membership m : me.memberships()) {
            ObjectNode item = memberships.addObject()
                    .put("memberId", m.member().id())
                    .put("organizationId", m.organization().id())
                    .put("organizationName", m.organization().name());
            ArrayNode roles = item.putArray("roles");
            m.member().roles().forEach(roles::add);
        }
        return node;
    }

    private static void times(ObjectNode node, Instant createdAt, Instant updatedAt) {
        node.put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString());
    }
}
