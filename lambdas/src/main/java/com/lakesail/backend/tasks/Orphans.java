package com.lakesail.backend.tasks;

import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.store.InfraKeys;
import java.time.Clock;
import javax.inject.Inject;

/**
 * Marks the networks and clusters of a cloud account orphaned while it is disconnected, and clears
 * the mark when it verifies again. Each write is conditioned on the version read; a lost race makes
 * the verify task retry, and the marking converges.
 */
public final class Orphans {
    private final Store store;
    private final Clock clock;

    @Inject
    public Orphans(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void mark(String orgId, String cloudAccountId, boolean orphaned) {
        String token = null;
        do {
            Page<Network> page = store.query(Query.partition(Query.Index.GSI1, InfraKeys.networksOf(orgId, cloudAccountId),
                    InfraKeys.NETWORK_PREFIX, PageRequest.MAX_LIMIT, token)).map(InfraItems::network);
            for (Network n : page.items()) {
                if (n.status() == NetworkStatus.DESTROYED) {
                    continue;
                }
                markClusters(orgId, n.id(), orphaned);
                if (n.orphaned() != orphaned) {
                    store.put(InfraItems.network(n.withOrphaned(orphaned, clock.instant())), Condition.versionIs(n.version()));
                }
            }
            token = page.nextToken();
        } while (token != null);
    }

    private void markClusters(String orgId, String networkId, boolean orphaned) {
        String token = null;
        do {
            Page<Cluster> page = store.query(Query.partition(Query.Index.GSI1, InfraKeys.clustersOf(orgId, networkId),
                    InfraKeys.CLUSTER_PREFIX, PageRequest.MAX_LIMIT, token)).map(InfraItems::cluster);
            for (Cluster c : page.items()) {
                if (c.status() != ClusterStatus.DESTROYED && c.orphaned() != orphaned) {
                    store.put(InfraItems.cluster(c.withOrphaned(orphaned, clock.instant())), Condition.versionIs(c.version()));
                }
            }
            token = page.nextToken();
        } while (token != null);
    }
}
