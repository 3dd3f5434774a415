package com.lakesail.backend.service.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogDefinition;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterDefinition;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkDefinition;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.testing.InMemoryStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which resources contain a cluster, a network or a catalog, for scoped role bindings. */
class InfraHierarchyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final InfraHierarchy hierarchy = new InfraHierarchy(new InfraRecords(store));

    @Test
    void ancestors_whenAsked_nameTheNetworkThenTheAccountAndAreReadOnce() {
        store.put(InfraItems.network(Network.create("net_1", "org_1", NetworkDefinition.validate("n", "cac_1", "eu-west-1",
                "10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b")), NOW)), Condition.notExists());
        store.put(InfraItems.cluster(Cluster.create("clu_1", "org_1", ClusterDefinition.validate("c", "net_1",
                ManagementNodes.DEFAULT, null, null), NOW)), Condition.notExists());
        store.put(InfraItems.catalog(Catalog.create("cat_1", "org_1", CatalogDefinition.validate("m", "managed",
                Map.of("region", "eu-west-1"), "cac_1"), NOW)), Condition.notExists());

        assertEquals(List.of("net_1", "cac_1"), hierarchy.ancestors("org_1", "clu_1"));
        long reads = store.roundTrips();
        assertEquals(List.of("net_1", "cac_1"), hierarchy.ancestors("org_1", "clu_1"));
        assertEquals(reads, store.roundTrips(), "a parent never changes: the answer is cached");
        assertEquals(List.of("cac_1"), hierarchy.ancestors("org_1", "net_1"));
        assertEquals(List.of("cac_1"), hierarchy.ancestors("org_1", "cat_1"));
    }

    @Test
    void ancestors_whenUnknownOrAnotherTenantsOrTopLevel_isEmpty() {
        store.put(InfraItems.network(Network.create("net_1", "org_1", NetworkDefinition.validate("n", "cac_1", "eu-west-1",
                "10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b")), NOW)), Condition.notExists());
        assertEquals(List.of(), hierarchy.ancestors("org_2", "net_1"));
        assertEquals(List.of(), hierarchy.ancestors("org_1", "clu_missing"));
        assertEquals(List.of(), hierarchy.ancestors("org_1", "cac_1"));
        assertEquals(List.of(), hierarchy.ancestors("org_1", "tea_1"));
    }
}
