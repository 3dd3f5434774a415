package com.lakesail.backend.service.infra;

import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.service.ResourceHierarchy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Cloud account → network → cluster, and cloud account → managed catalog, for scoped role bindings:
 * a binding on a network covers its clusters, one on an account covers everything built in it.
 *
 * <p>A resource's parent never changes and ids are never reused, so an answer is cached for the
 * life of the process: after the first check, scoped authorization costs no store read.
 */
@Singleton
public final class InfraHierarchy implements ResourceHierarchy {
    private static final int CACHE_ENTRIES = 10_000;

    private final InfraRecords records;
    private final Map<String, List<String>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });

    @Inject
    public InfraHierarchy(InfraRecords records) {
        this.records = records;
    }

    @Override
    public List<String> ancestors(String orgId, String resourceId) {
        if (resourceId == null) {
            return List.of();
        }
        String key = orgId + "/" + resourceId;
        List<String> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<String> found = lookup(orgId, resourceId);
        if (!found.isEmpty()) {
            cache.put(key, found);
        }
        return found;
    }

    @Override
    public boolean contains(String orgId, String resourceId) {
        if (resourceId.startsWith(CloudAccount.ID_PREFIX + "_")) {
            return records.findCloudAccount(orgId, resourceId).isPresent();
        }
        if (resourceId.startsWith(Network.ID_PREFIX + "_")) {
            return records.findNetwork(orgId, resourceId).isPresent();
        }
        if (resourceId.startsWith(Cluster.ID_PREFIX + "_")) {
            return records.findCluster(orgId, resourceId).isPresent();
        }
        return resourceId.startsWith(Catalog.ID_PREFIX + "_") && records.findCatalog(orgId, resourceId).isPresent();
    }

    private List<String> lookup(String orgId, String resourceId) {
        if (resourceId.startsWith(Cluster.ID_PREFIX + "_")) {
            return records.findCluster(orgId, resourceId).map(c -> {
                List<String> chain = new ArrayList<>();
                chain.add(c.networkId());
                chain.addAll(ancestors(orgId, c.networkId()));
                return List.copyOf(chain);
            }).orElse(List.of());
        }
        if (resourceId.startsWith(Network.ID_PREFIX + "_")) {
            return records.findNetwork(orgId, resourceId).map(n -> List.of(n.cloudAccountId())).orElse(List.of());
        }
        if (resourceId.startsWith(Catalog.ID_PREFIX + "_")) {
            return records.findCatalog(orgId, resourceId).filter(c -> c.cloudAccountId() != null)
                    .map(c -> List.of(c.cloudAccountId())).orElse(List.of());
        }
        return List.of();
    }
}
