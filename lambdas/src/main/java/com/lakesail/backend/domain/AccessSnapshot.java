package com.lakesail.backend.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything authorization needs to know about one organization, in one item: who is a member (user
 * id → member id), its teams, custom roles and role bindings. One read (or none, from the cache)
 * answers any permission check, and every access change is one conditional write of a new version,
 * so checks and changes never see half an update.
 *
 * <p>Effective permissions of a member are the union over its own bindings and those of its teams.
 * A binding with a scope covers the scope's resource and everything under it: a check names the
 * resource acted on with its ancestors ({@code scopeChain}, nearest first), and a binding applies
 * when it is organization-wide or its scope is in that chain.
 *
 * <p>Bound: DynamoDB items hold 400 KB, enough for a few thousand members, team memberships and
 * bindings in total; beyond that this document must be split.
 */
public record AccessSnapshot(String organizationId, Map<String, String> members, Map<String, Team> teams,
                             Map<String, Role> roles, Map<String, RoleBinding> bindings, long version) {

    public AccessSnapshot {
        members = frozen(members);
        teams = frozen(teams);
        roles = frozen(roles);
        bindings = frozen(bindings);
    }

    public static AccessSnapshot empty(String organizationId) {
        return new AccessSnapshot(organizationId, Map.of(), Map.of(), Map.of(), Map.of(), 0);
    }

    public Optional<String> memberIdOf(String userId) {
        return Optional.ofNullable(members.get(userId));
    }

    public Optional<String> userIdOf(String memberId) {
        return members.entrySet().stream().filter(e -> e.getValue().equals(memberId)).map(Map.Entry::getKey).findFirst();
    }

    public boolean hasMember(String memberId) {
        return members.containsValue(memberId);
    }

    /** A built-in or custom role of this organization. */
    public Optional<Role> role(String roleId) {
        BuiltInRole builtIn = BuiltInRole.byId(roleId);
        return builtIn != null ? Optional.of(Role.of(builtIn)) : Optional.ofNullable(roles.get(roleId));
    }

    /** Every path by which {@code memberId} holds {@code permission} on the resource {@code scopeChain} names. */
    public List<AccessPath> paths(String memberId, Permission permission, List<String> scopeChain) {
        List<AccessPath> paths = new ArrayList<>();
        for (RoleBinding b : bindings.values()) {
            if (!covers(b, scopeChain) || !role(b.roleId()).map(r -> r.permissions().contains(permission)).orElse(false)) {
                continue;
            }
            if (b.subject().type() == Subject.Type.MEMBER && b.subject().id().equals(memberId)) {
                paths.add(new AccessPath(memberId, b.id(), b.roleId(), null, b.scope()));
            } else if (b.subject().type() == Subject.Type.TEAM && inTeam(memberId, b.subject().id())) {
                paths.add(new AccessPath(memberId, b.id(), b.roleId(), b.subject().id(), b.scope()));
            }
        }
        return paths;
    }

    public boolean allows(String memberId, Permission permission, List<String> scopeChain) {
        return !paths(memberId, permission, scopeChain).isEmpty();
    }

    /** The member's effective permissions on the resource {@code scopeChain} names. */
    public Set<Permission> effective(String memberId, List<String> scopeChain) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (allows(memberId, p, scopeChain)) {
                all.add(p);
            }
        }
        return all;
    }

    /** Members who hold {@code permission} on the resource, each with every path that grants it. */
    public List<AccessPath> whoCan(Permission permission, List<String> scopeChain) {
        List<AccessPath> all = new ArrayList<>();
        new TreeSet<>(members.values()).forEach(m -> all.addAll(paths(m, permission, scopeChain)));
        return all;
    }

    /** Members bound to {@code owner} organization-wide, directly or through a team. */
    public Set<String> owners() {
        Set<String> owners = new TreeSet<>();
        for (RoleBinding b : bindings.values()) {
            if (b.roleId().equals(BuiltInRole.OWNER.id()) && b.organizationWide()) {
                if (b.subject().type() == Subject.Type.MEMBER) {
                    owners.add(b.subject().id());
                } else {
                    owners.addAll(teams.get(b.subject().id()).memberIds());
                }
            }
        }
        return owners;
    }

    /** The role ids bound directly to the member, for display. */
    public List<String> directRoleIds(String memberId) {
        return bindings.values().stream().filter(b -> b.subject().equals(Subject.member(memberId)))
                .map(RoleBinding::roleId).distinct().sorted().toList();
    }

    public AccessSnapshot withMember(String userId, String memberId) {
        Map<String, String> m = new TreeMap<>(members);
        m.put(userId, memberId);
        return new AccessSnapshot(organizationId, m, teams, roles, bindings, version);
    }

    /** Without the member, its team memberships and the bindings on it. */
    public AccessSnapshot withoutMember(String memberId, Instant at) {
        Map<String, String> m = new TreeMap<>(members);
        m.values().remove(memberId);
        Map<String, Team> t = new TreeMap<>(teams);
        t.replaceAll((id, team) -> team.memberIds().contains(memberId) ? team.withoutMember(memberId, at) : team);
        Map<String, RoleBinding> b = new TreeMap<>(bindings);
        b.values().removeIf(binding -> binding.subject().equals(Subject.member(memberId)));
        return new AccessSnapshot(organizationId, m, t, roles, b, version);
    }

    public AccessSnapshot withTeam(Team team) {
        Map<String, Team> t = new TreeMap<>(teams);
        t.put(team.id(), team);
        return new AccessSnapshot(organizationId, members, t, roles, bindings, version);
    }

    /** Without the team and every binding on it or scoped to it. */
    public AccessSnapshot withoutTeam(String teamId) {
        Map<String, Team> t = new TreeMap<>(teams);
        t.remove(teamId);
        Map<String, RoleBinding> b = new TreeMap<>(bindings);
        b.values().removeIf(binding -> binding.subject().equals(Subject.team(teamId)) || teamId.equals(binding.scope()));
        return new AccessSnapshot(organizationId, members, t, roles, b, version);
    }

    public AccessSnapshot withRole(Role role) {
        Map<String, Role> r = new TreeMap<>(roles);
        r.put(role.id(), role);
        return new AccessSnapshot(organizationId, members, teams, r, bindings, version);
    }

    public AccessSnapshot withoutRole(String roleId) {
        Map<String, Role> r = new TreeMap<>(roles);
        r.remove(roleId);
        return new AccessSnapshot(organizationId, members, teams, r, bindings, version);
    }

    public AccessSnapshot withBinding(RoleBinding binding) {
        Map<String, RoleBinding> b = new TreeMap<>(bindings);
        b.put(binding.id(), binding);
        return new AccessSnapshot(organizationId, members, teams, roles, b, version);
    }

    public AccessSnapshot withoutBinding(String bindingId) {
        Map<String, RoleBinding> b = new TreeMap<>(bindings);
        b.remove(bindingId);
        return new AccessSnapshot(organizationId, members, teams, roles, b, version);
    }

    /** The next version of this snapshot, as it is written. */
    public AccessSnapshot nextVersion() {
        return new AccessSnapshot(organizationId, members, teams, roles, bindings, version + 1);
    }

    private boolean inTeam(String memberId, String teamId) {
        Team team = teams.get(teamId);
        return team != null && team.memberIds().contains(memberId);
    }

    private static boolean covers(RoleBinding binding, List<String> scopeChain) {
        return binding.organizationWide() || scopeChain.contains(binding.scope());
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map == null ? Map.of() : map));
    }
}
