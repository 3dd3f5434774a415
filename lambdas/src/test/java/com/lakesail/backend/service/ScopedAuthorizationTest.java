package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.domain.AccessDeniedException;
import com.lakesail.backend.domain.AccessPath;
import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.BuiltInRole;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.RoleBinding;
import com.lakesail.backend.domain.Subject;
import com.lakesail.backend.domain.Team;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scoped bindings over a fake resource hierarchy standing in for the resources still to come:
 * cloud account {@code cac_1} → networks {@code net_prod}, {@code net_dev} → clusters.
 */
class ScopedAuthorizationTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, List<String>> PARENTS = Map.of(
            "net_prod", List.of("cac_1"), "net_dev", List.of("cac_1"),
            "clu_prod", List.of("net_prod", "cac_1"), "clu_dev", List.of("net_dev", "cac_1"));

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final AccessSnapshots snapshots = new AccessSnapshots(store, clock);
    private final Authorizer authorizer = new Authorizer(snapshots, new AuditLog(store, clock, new RandomIds()),
            (org, id) -> PARENTS.getOrDefault(id, List.of()));
    private final String orgId = new RandomIds().next("org");
    private final Principal networkAdmin = new Principal("usr_net", null);
    private final Principal platformTeamMember = new Principal("usr_team", null);
    private final Principal stranger = new Principal("usr_other", null);

    ScopedAuthorizationTest() {
        AccessSnapshot snapshot = AccessSnapshot.empty(orgId)
                .withMember("usr_owner", "mem_owner").withMember("usr_net", "mem_net").withMember("usr_team", "mem_team")
                .withTeam(new Team("team_platform", "platform", Set.of("mem_team"), NOW, NOW, 1))
                .withBinding(binding("rb_owner", BuiltInRole.OWNER, Subject.member("mem_owner"), null))
                .withBinding(binding("rb_net", BuiltInRole.INFRA_ADMIN, Subject.member("mem_net"), "net_prod"))
                .withBinding(binding("rb_team", BuiltInRole.INFRA_ADMIN, Subject.team("team_platform"), "cac_1"));
        snapshots.commit(AccessSnapshot.empty(orgId), snapshot, List.of());
    }

    @Test
    void require_whenBindingIsOnANetwork_coversItsClustersOnly() {
        assertDoesNotThrow(() -> authorizer.require(networkAdmin, orgId, Permission.CLUSTERS_CREATE, "net_prod"));
        assertDoesNotThrow(() -> authorizer.require(networkAdmin, orgId, Permission.CLUSTERS_DELETE, "clu_prod"));
        assertThrows(AccessDeniedException.class, () -> authorizer.require(networkAdmin, orgId, Permission.CLUSTERS_DELETE, "clu_dev"));
        assertThrows(AccessDeniedException.class, () -> authorizer.require(networkAdmin, orgId, Permission.CLUSTERS_CREATE, "cac_1"));
        assertThrows(AccessDeniedException.class, () -> authorizer.require(networkAdmin, orgId, Permission.CLUSTERS_CREATE));
    }

    @Test
    void require_whenTeamIsBoundOnTheCloudAccount_coversEverythingUnderIt() {
        for (String resource : List.of("cac_1", "net_prod", "net_dev", "clu_prod", "clu_dev")) {
            assertDoesNotThrow(() -> authorizer.require(platformTeamMember, orgId, Permission.CLUSTERS_UPDATE, resource));
        }
        assertThrows(AccessDeniedException.class, () -> authorizer.require(platformTeamMember, orgId, Permission.MEMBERS_DELETE));
    }

    @Test
    void require_whenCallerIsNoMember_answersNotFoundNotDenied() {
        assertThrows(NotFoundException.class, () -> authorizer.require(stranger, orgId, Permission.ORGANIZATIONS_READ));
        assertThrows(NotFoundException.class, () -> authorizer.require(networkAdmin, "org_not-an-id", Permission.ORGANIZATIONS_READ));
    }

    @Test
    void whoCan_whenAskedAboutACluster_namesEachPathThatGrants() {
        AccessSnapshot snapshot = snapshots.get(orgId).orElseThrow();
        List<AccessPath> paths = snapshot.whoCan(Permission.CLUSTERS_CREATE, authorizer.scopeChain(orgId, "clu_prod"));
        assertEquals(List.of(
                new AccessPath("mem_net", "rb_net", "infra-admin", null, "net_prod"),
                new AccessPath("mem_owner", "rb_owner", "owner", null, null),
                new AccessPath("mem_team", "rb_team", "infra-admin", "team_platform", "cac_1")), paths);
    }

    @Test
    void require_whenCacheIsWarm_readsNothingFromTheStore() {
        authorizer.require(networkAdmin, orgId, Permission.CLUSTERS_READ, "clu_prod");
        long before = store.roundTrips();
        for (int i = 0; i < 10; i++) {
            authorizer.require(networkAdmin, orgId, Permission.CLUSTERS_READ, "clu_prod");
        }
        assertEquals(before, store.roundTrips());
        clock.advance(AccessSnapshots.TTL);
        authorizer.require(networkAdmin, orgId, Permission.CLUSTERS_READ, "clu_prod");
        assertEquals(before + 1, store.roundTrips(), "one read once the cached copy is older than the TTL");
    }

    private static RoleBinding binding(String id, BuiltInRole role, Subject subject, String scope) {
        return new RoleBinding(id, role.id(), subject, scope, NOW, "mem_owner");
    }
}
