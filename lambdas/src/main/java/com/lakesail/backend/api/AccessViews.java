package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.AccessPath;
import com.lakesail.backend.domain.AuditEvent;
import com.lakesail.backend.domain.Invitation;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Role;
import com.lakesail.backend.domain.RoleBinding;
import com.lakesail.backend.domain.Team;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.service.AccessService.Holder;
import com.lakesail.backend.service.AccessService.WhoCan;
import com.lakesail.backend.service.InvitationService.CreatedInvitation;
import java.time.Instant;
import java.util.Collection;

/**
 * The identity-and-access objects as the REST contract shows them: members, invitations (the secret
 * once, the hash never), teams, roles, role bindings, audit events and who-can answers.
 */
final class AccessViews {
    private AccessViews() {
    }

    static boolean handles(Object result) {
        return result instanceof Member || result instanceof Invitation || result instanceof CreatedInvitation
                || result instanceof Team || result instanceof Role || result instanceof RoleBinding
                || result instanceof AuditEvent || result instanceof WhoCan;
    }

    static JsonNode render(Object result, boolean withSecrets) {
        if (result instanceof Member member) {
            return member(member);
        } else if (result instanceof Invitation invitation) {
            return invitation(invitation);
        } else if (result instanceof CreatedInvitation created) {
            ObjectNode node = invitation(created.invitation());
            if (withSecrets) {
                node.put("token", created.secret());
            }
            return node;
        } else if (result instanceof Team team) {
            return team(team);
        } else if (result instanceof Role role) {
            return role(role);
        } else if (result instanceof RoleBinding binding) {
            return binding(binding);
        } else if (result instanceof AuditEvent event) {
            return auditEvent(event);
        }
        return whoCan((WhoCan) result);
    }

    private static ObjectNode member(Member member) {
        ObjectNode node = Json.object().put("id", member.id()).put("organizationId", member.organizationId())
                .put("userId", member.userId()).put("email", member.email());
        strings(node.putArray("roles"), member.roles());
        times(node, member.createdAt(), member.updatedAt());
        return node.put("version", member.version());
    }

    private static ObjectNode invitation(Invitation invitation) {
        ObjectNode node = Json.object().put("id", invitation.id()).put("organizationId", invitation.organizationId())
                .put("email", invitation.email()).put("status", Wire.name(invitation.status()))
                .put("invitedBy", invitation.invitedBy())
                .put("createdAt", invitation.createdAt().toString()).put("expiresAt", invitation.expiresAt().toString());
        strings(node.putArray("roleIds"), invitation.roleIds());
        strings(node.putArray("teamIds"), invitation.teamIds());
        optional(node, "acceptedAt", invitation.acceptedAt());
        optional(node, "revokedAt", invitation.revokedAt());
        if (invitation.memberId() != null) {
            node.put("memberId", invitation.memberId());
        }
        return node.put("version", invitation.version());
    }

    private static ObjectNode team(Team team) {
        ObjectNode node = Json.object().put("id", team.id()).put("name", team.name());
        strings(node.putArray("memberIds"), team.memberIds());
        times(node, team.createdAt(), team.updatedAt());
        return node.put("version", team.version());
    }

    private static ObjectNode role(Role role) {
        ObjectNode node = Json.object().put("id", role.id()).put("name", role.name()).put("builtIn", role.builtIn());
        if (role.description() != null) {
            node.put("description", role.description());
        }
        strings(node.putArray("permissions"), role.permissions().stream().map(Permission::wire).toList());
        if (!role.builtIn()) {
            times(node, role.createdAt(), role.updatedAt());
            node.put("version", role.version());
        }
        return node;
    }

    private static ObjectNode binding(RoleBinding binding) {
        ObjectNode node = Json.object().put("id", binding.id()).put("roleId", binding.roleId());
        node.putObject("subject").put("type", Wire.name(binding.subject().type())).put("id", binding.subject().id());
        if (binding.scope() != null) {
            node.put("scope", binding.scope());
        }
        return node.put("createdAt", binding.createdAt().toString()).put("createdBy", binding.createdBy());
    }

    private static ObjectNode auditEvent(AuditEvent event) {
        ObjectNode node = Json.object().put("id", event.id()).put("time", event.time().toString())
                .put("actorId", event.actorUserId()).put("action", event.action()).put("targetId", event.targetId())
                .put("outcome", Wire.name(event.outcome()));
        if (event.requestId() != null) {
            node.put("requestId", event.requestId());
        }
        if (event.reason() != null) {
            node.put("reason", event.reason());
        }
        return node;
    }

    private static ObjectNode whoCan(WhoCan answer) {
        ObjectNode node = Json.object().put("action", answer.action().wire()).put("resource", answer.resource());
        ArrayNode members = node.putArray("members");
        for (Holder holder : answer.holders()) {
            ObjectNode m = members.addObject().put("memberId", holder.member().id()).put("userId", holder.member().userId())
                    .put("email", holder.member().email());
            ArrayNode paths = m.putArray("paths");
            for (AccessPath path : holder.paths()) {
                ObjectNode p = paths.addObject().put("via", path.direct() ? "direct" : "team").put("roleId", path.roleId())
                        .put("bindingId", path.bindingId());
                String where = path.scope() == null ? "the organization" : path.scope();
                if (path.direct()) {
                    p.put("description", "direct binding of role " + path.roleId() + " on " + where);
                } else {
                    String teamName = answer.teamNames().get(path.teamId());
                    p.put("teamId", path.teamId()).put("teamName", teamName);
                    p.put("description", "team " + teamName + " via role " + path.roleId() + " on " + where);
                }
                if (path.scope() != null) {
                    p.put("scope", path.scope());
                }
            }
        }
        return node;
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    private static void optional(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    private static void times(ObjectNode node, Instant createdAt, Instant updatedAt) {
        node.put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString());
    }
}
