package com.lakesail.backend.store;

import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogConfigs;
import com.lakesail.backend.domain.infra.CatalogKind;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.Item;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Infrastructure entities ↔ items (keys in {@link InfraKeys}); bodies are JSON as in {@link Items}. */
public final class InfraItems {
    private InfraItems() {
    }

    public static Item cloudAccount(CloudAccount account) {
        return Items.item(InfraKeys.cloudAccount(account.organizationId(), account.id()), "CloudAccount",
                account.version(), account).build();
    }

    public static Item network(Network network) {
        String sk = InfraKeys.NETWORK_PREFIX + network.id();
        return Items.item(InfraKeys.network(network.organizationId(), network.id()), "Network", network.version(), network)
                .gsi1(InfraKeys.networksOf(network.organizationId(), network.cloudAccountId()), sk).build();
    }

    public static Item cluster(Cluster cluster) {
        String sk = InfraKeys.CLUSTER_PREFIX + cluster.id();
        return Items.item(InfraKeys.cluster(cluster.organizationId(), cluster.id()), "Cluster", cluster.version(), cluster)
                .gsi1(InfraKeys.clustersOf(cluster.organizationId(), cluster.networkId()), sk).build();
    }

    public static Item catalog(Catalog catalog) {
        return Items.item(InfraKeys.catalog(catalog.organizationId(), catalog.id()), "Catalog", catalog.version(),
                StoredCatalog.of(catalog)).build();
    }

    public static CloudAccount cloudAccount(Item item) {
        return Items.decode(item, CloudAccount.class);
    }

    public static Network network(Item item) {
        return Items.decode(item, Network.class);
    }

    public static Cluster cluster(Item item) {
        return Items.decode(item, Cluster.class);
    }

    public static Catalog catalog(Item item) {
        return Items.decode(item, StoredCatalog.class).toCatalog();
    }

    /** Holds a name for one resource of a kind; written with {@code notExists}, deleted when the resource goes. */
    public static Item awsAccount(String orgId, String awsAccountId, String cloudAccountId) {
        return Items.item(InfraKeys.awsAccount(orgId, awsAccountId), "AwsAccountGuard", 1, new NameOwner(cloudAccountId)).build();
    }

    public static Item name(String orgId, InfraKind kind, String name, String resourceId) {
        return Items.item(InfraKeys.name(orgId, kind, name), "InfraName", 1, new NameOwner(resourceId)).build();
    }

    public static Item cidrs(String orgId, String cloudAccountId, String region, CidrAllocation allocation, long version) {
        return Items.item(InfraKeys.cidrs(orgId, cloudAccountId, region), "CidrAllocation", version, allocation).build();
    }

    public static Item children(String orgId, String parentId, Children children, long version) {
        return Items.item(InfraKeys.children(orgId, parentId), "Children", version, children).build();
    }

    /** Body of a name guard. */
    public record NameOwner(String resourceId) {
    }

    /** The CIDRs of the live networks of one cloud account and region, by network id. */
    public record CidrAllocation(Map<String, String> cidrs) {
        public CidrAllocation {
            cidrs = cidrs == null ? Map.of() : Map.copyOf(cidrs);
        }

        public CidrAllocation with(String networkId, String cidr) {
            Map<String, String> next = new TreeMap<>(cidrs);
            next.put(networkId, cidr);
            return new CidrAllocation(next);
        }

        public CidrAllocation without(String networkId) {
            Map<String, String> next = new TreeMap<>(cidrs);
            next.remove(networkId);
            return new CidrAllocation(next);
        }
    }

    /** The live children of a parent resource. */
    public record Children(List<String> ids) {
        public Children {
            ids = ids == null ? List.of() : List.copyOf(new TreeSet<>(ids));
        }

        public Children with(String id) {
            TreeSet<String> next = new TreeSet<>(ids);
            next.add(id);
            return new Children(List.copyOf(next));
        }

        public Children without(String id) {
            TreeSet<String> next = new TreeSet<>(ids);
            next.remove(id);
            return new Children(List.copyOf(next));
        }
    }

    /** A catalog as stored: its config flattened, since the sealed config has no type tag of its own. */
    record StoredCatalog(String id, String organizationId, String name, CatalogKind kind, Map<String, String> config,
                         String cloudAccountId, String warehouse, CatalogStatus status, String statusReason, Stage stage,
                         int progress, Instant createdAt, Instant updatedAt, long version) {
        static StoredCatalog of(Catalog c) {
            return new StoredCatalog(c.id(), c.organizationId(), c.name(), c.kind(), CatalogConfigs.fields(c.config()),
                    c.cloudAccountId(), c.warehouse(), c.status(), c.statusReason(), c.stage(), c.progress(),
                    c.createdAt(), c.updatedAt(), c.version());
        }

        Catalog toCatalog() {
            return new Catalog(id, organizationId, name, kind, CatalogConfigs.of(kind, config), cloudAccountId, warehouse,
                    status, statusReason, stage, progress, createdAt, updatedAt, version);
        }
    }
}
