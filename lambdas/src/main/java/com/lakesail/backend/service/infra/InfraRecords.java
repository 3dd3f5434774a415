package com.lakesail.backend.service.infra;

import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.store.InfraKeys;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.inject.Inject;

/**
 * Reads of the infrastructure items, each one strongly consistent get, and the guard items the
 * creates and deletes condition on. Another tenant's id is simply not in the caller's partition,
 * so it reads as not found.
 */
public final class InfraRecords {
    private final Store store;

    @Inject
    public InfraRecords(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    public Optional<CloudAccount> findCloudAccount(String orgId, String id) {
        return store.get(InfraKeys.cloudAccount(orgId, id)).map(InfraItems::cloudAccount);
    }

    public CloudAccount cloudAccount(String orgId, String id) {
        return findCloudAccount(orgId, id).orElseThrow(() -> notFound("cloud account", id));
    }

    public Optional<Network> findNetwork(String orgId, String id) {
        return store.get(InfraKeys.network(orgId, id)).map(InfraItems::network);
    }

    public Network network(String orgId, String id) {
        return findNetwork(orgId, id).orElseThrow(() -> notFound("network", id));
    }

    public Optional<Cluster> findCluster(String orgId, String id) {
        return store.get(InfraKeys.cluster(orgId, id)).map(InfraItems::cluster);
    }

    public Cluster cluster(String orgId, String id) {
        return findCluster(orgId, id).orElseThrow(() -> notFound("cluster", id));
    }

    public Optional<Catalog> findCatalog(String orgId, String id) {
        return store.get(InfraKeys.catalog(orgId, id)).map(InfraItems::catalog);
    }

    public Catalog catalog(String orgId, String id) {
        return findCatalog(orgId, id).orElseThrow(() -> notFound("catalog", id));
    }

    Versioned<InfraItems.Children> children(String orgId, String parentId) {
        return versioned(InfraKeys.children(orgId, parentId), InfraItems.Children.class, new InfraItems.Children(List.of()));
    }

    Versioned<InfraItems.CidrAllocation> cidrs(String orgId, String cloudAccountId, String region) {
        return versioned(InfraKeys.cidrs(orgId, cloudAccountId, region), InfraItems.CidrAllocation.class,
                new InfraItems.CidrAllocation(null));
    }

    /** Adds or removes a child in the parent's CHILDREN item, conditioned on the version read. */
    Write childrenWrite(String orgId, String parentId, Versioned<InfraItems.Children> read, InfraItems.Children next) {
        return Write.put(InfraItems.children(orgId, parentId, next, read.nextVersion()), read.condition());
    }

    /** Fails the transaction unless the parent still has no live child (the version read, and empty). */
    Write noChildren(String orgId, String parentId, Versioned<InfraItems.Children> read) {
        return Write.check(InfraKeys.children(orgId, parentId), read.condition());
    }

    /**
     * Deletes a parent's (empty) children item and, for an account, its (empty) CIDR allocations,
     * each on the version read: a child created meanwhile makes the transaction fail.
     */
    List<Write> dropGuards(String orgId, String parentId, Versioned<InfraItems.Children> children) {
        List<Write> writes = new ArrayList<>();
        writes.add(children.exists() ? Write.delete(InfraKeys.children(orgId, parentId), children.condition())
                : noChildren(orgId, parentId, children));
        Page<Item> cidrs = store.query(Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId),
                InfraKeys.cidrsPrefix(parentId), Query.MAX_LIMIT, null));
        cidrs.items().forEach(i -> writes.add(Write.delete(i.key(), Condition.versionIs(i.version()))));
        return writes;
    }

    /** A page of one kind, in id order, from the organization's partition or a GSI1 partition. */
    <T> Page<T> list(Query.Index index, String pk, String prefix, PageRequest page, Function<Item, T> decode) {
        return store.query(Query.partition(index, pk, prefix, page.limit(), page.nextToken())).map(decode);
    }

    <T> Page<T> listOrg(String orgId, String prefix, PageRequest page, Function<Item, T> decode) {
        return list(Query.Index.TABLE, Keys.orgPartition(orgId), prefix, page, decode);
    }

    /**
     * Frees a destroyed resource's name. Unconditional: it rides in the transaction that moves the
     * resource to destroyed on the version read, so it applies once, before anyone can reuse the name.
     */
    public Write releaseName(String orgId, InfraKind kind, String name) {
        return Write.delete(InfraKeys.name(orgId, kind, name), Condition.none());
    }

    /** Removes a destroyed child from its parent's live children, on the version read; nothing when absent. */
    public List<Write> releaseChild(String orgId, String parentId, String childId) {
        Versioned<InfraItems.Children> children = children(orgId, parentId);
        if (!children.exists() || !children.value().ids().contains(childId)) {
            return List.of();
        }
        return List.of(childrenWrite(orgId, parentId, children, children.value().without(childId)));
    }

    /** Returns a destroyed network's CIDR to its account and region, on the version read. */
    public List<Write> releaseCidr(String orgId, String cloudAccountId, String region, String networkId) {
        Versioned<InfraItems.CidrAllocation> cidrs = cidrs(orgId, cloudAccountId, region);
        if (!cidrs.exists() || !cidrs.value().cidrs().containsKey(networkId)) {
            return List.of();
        }
        return List.of(Write.put(InfraItems.cidrs(orgId, cloudAccountId, region, cidrs.value().without(networkId),
                cidrs.nextVersion()), cidrs.condition()));
    }

    private <T> Versioned<T> versioned(Key key, Class<T> type, T empty) {
        Optional<Item> item = store.get(key);
        return item.map(i -> new Versioned<>(Items.decode(i, type), i.version(), true))
                .orElseGet(() -> new Versioned<>(empty, 0, false));
    }

    static NotFoundException notFound(String what, String id) {
        return new NotFoundException(what + " " + id + " not found");
    }
}
