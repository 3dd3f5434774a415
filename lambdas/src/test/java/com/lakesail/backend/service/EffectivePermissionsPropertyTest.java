package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.domain.AccessDeniedException;
import com.lakesail.backend.domain.BuiltInRole;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.testing.InMemoryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of grants, revocations, team joins and leaves, made through the API, keep every
 * member's effective permissions (as the authorizer answers them, on the organization and on each
 * team) equal to a small reference model: the union over the member's bindings and its teams'.
 */
class EffectivePermissionsPropertyTest {
    private static final AccessGraph GRAPH = AccessGraph.over(new InMemoryStore(), Clock.systemUTC());
    private static final InProcessApi API = new InProcessApi(GRAPH.api());
    private static final List<String> ROLES = List.of("owner", "admin", "infra-admin", "developer", "analyst", "viewer", "custom");
    private static final Set<Permission> CUSTOM = EnumSet.of(Permission.CLUSTERS_CREATE, Permission.TEAMS_READ);

    sealed interface Action permits Grant, Revoke, Join, Leave {
    }

    /** @param scope -1 for the organization, else a team index */
    record Grant(int role, boolean toTeam, int subject, int scope) implements Action {
    }

    record Revoke(int binding) implements Action {
    }

    record Join(int member, int team) implements Action {
    }

    record Leave(int member, int team) implements Action {
    }

    private record Binding(String id, String roleId, boolean toTeam, String subjectId, String scope) {
    }

    @Property(tries = 60)
    void effectivePermissions_afterEveryChange_equalTheReferenceModel(@ForAll("actions") List<Action> actions) {
        InProcessApi.User owner = API.signup("owner");
        String org = owner.orgId();
        List<InProcessApi.User> users = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            InProcessApi.User user = API.signup("member");
            users.add(user);
            members.add(API.join(owner, org, user, List.of()));
        }
        List<String> teams = List.of(team(owner, org, "a"), team(owner, org, "b"));
        String customRole = InProcessApi.expect(201, API.call("POST", "/v1/orgs/" + org + "/roles", owner.token(),
                "{\"name\":\"custom\",\"permissions\":[\"clusters:create\",\"teams:read\"]}")).text("id");
        List<Binding> bindings = new ArrayList<>();
        Map<String, Set<String>> teamMembers = new HashMap<>();
        teams.forEach(t -> teamMembers.put(t, new HashSet<>()));

        for (Action action : actions) {
            apply(action, owner, org, members, teams, customRole, bindings, teamMembers);
            for (int m = 0; m < members.size(); m++) {
                for (String resource : resources(teams)) {
                    assertEquals(expected(members.get(m), resource, bindings, teamMembers, customRole),
                            actual(users.get(m), org, resource), action + " then member " + m + " on " + resource);
                }
            }
        }
    }

    private static void apply(Action action, InProcessApi.User owner, String org, List<String> members, List<String> teams,
                              String customRole, List<Binding> bindings, Map<String, Set<String>> teamMembers) {
        String base = "/v1/orgs/" + org;
        if (action instanceof Grant g) {
            String roleId = ROLES.get(g.role()).equals("custom") ? customRole : ROLES.get(g.role());
            String subject = g.toTeam() ? teams.get(g.subject() % teams.size()) : members.get(g.subject() % members.size());
            String scope = g.scope() < 0 ? null : teams.get(g.scope());
            boolean duplicate = bindings.stream().anyMatch(b -> b.roleId().equals(roleId) && b.toTeam() == g.toTeam()
                    && b.subjectId().equals(subject) && Objects.equals(b.scope(), scope));
            InProcessApi.Response r = API.call("POST", base + "/role-bindings", owner.token(), "{\"roleId\":\"" + roleId
                    + "\",\"subject\":{\"type\":\"" + (g.toTeam() ? "team" : "member") + "\",\"id\":\"" + subject + "\"}"
                    + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}");
            InProcessApi.expect(duplicate ? 409 : 201, r);
            if (!duplicate) {
                bindings.add(new Binding(r.text("id"), roleId, g.toTeam(), subject, scope));
            }
        } else if (action instanceof Revoke v && !bindings.isEmpty()) {
            Binding removed = bindings.remove(v.binding() % bindings.size());
            InProcessApi.expect(204, API.call("DELETE", base + "/role-bindings/" + removed.id(), owner.token(), null));
        } else if (action instanceof Join j) {
            String team = teams.get(j.team());
            InProcessApi.expect(200, API.call("PUT", base + "/teams/" + team + "/members/" + members.get(j.member()), owner.token(), null));
            teamMembers.get(team).add(members.get(j.member()));
        } else if (action instanceof Leave l) {
            String team = teams.get(l.team());
            InProcessApi.expect(204, API.call("DELETE", base + "/teams/" + team + "/members/" + members.get(l.member()), owner.token(), null));
            teamMembers.get(team).remove(members.get(l.member()));
        }
    }

    /** The reference model: union over direct and team bindings whose scope is the organization or the resource. */
    private static Set<Permission> expected(String member, String resource, List<Binding> bindings,
                                            Map<String, Set<String>> teamMembers, String customRole) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (Binding b : bindings) {
            boolean holds = b.toTeam() ? teamMembers.get(b.subjectId()).contains(member) : b.subjectId().equals(member);
            boolean covers = b.scope() == null || b.scope().equals(resource);
            if (holds && covers) {
                all.addAll(b.roleId().equals(customRole) ? CUSTOM : BuiltInRole.byId(b.roleId()).permissions());
            }
        }
        return all;
    }

    private static Set<Permission> actual(InProcessApi.User user, String org, String resource) {
        Principal principal = new Principal(user.userId(), null);
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            try {
                GRAPH.authorizer().require(principal, org, p, resource);
                granted.add(p);
            } catch (AccessDeniedException denied) {
                // not granted
            }
        }
        return granted;
    }

    private static List<String> resources(List<String> teams) {
        List<String> resources = new ArrayList<>();
        resources.add(null);
        resources.addAll(teams);
        return resources;
    }

    private static String team(InProcessApi.User owner, String org, String name) {
        return InProcessApi.expect(201, API.call("POST", "/v1/orgs/" + org + "/teams", owner.token(), "{\"name\":\"" + name + "\"}"))
                .text("id");
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> grant = Combinators.combine(Arbitraries.integers().between(0, ROLES.size() - 1), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(-1, 1)).as(Grant::new);
        Arbitrary<Action> revoke = Arbitraries.integers().between(0, 20).map(Revoke::new);
        Arbitrary<Action> join = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1)).as(Join::new);
        Arbitrary<Action> leave = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1)).as(Leave::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, grant), net.jqwik.api.Tuple.of(2, revoke),
                net.jqwik.api.Tuple.of(2, join), net.jqwik.api.Tuple.of(2, leave)).list().ofMinSize(1).ofMaxSize(15);
    }
}
