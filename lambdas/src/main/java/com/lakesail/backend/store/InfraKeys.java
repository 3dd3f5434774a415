package com.lakesail.backend.store;

import com.lakesail.backend.domain.Text;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.port.Key;

/**
 * Keys of the infrastructure items, all in the organization's partition ({@link Keys#orgPartition}),
 * and the access patterns they serve.
 *
 * <pre>
 * entity / purpose            pk          sk                           GSI1 (pk / sk)
 * cloud account               ORG#org     CLOUD_ACCOUNT#cac
 * network                     ORG#org     NETWORK#net                  ORG#org#CAC#cac / NETWORK#net
 * cluster                     ORG#org     CLUSTER#clu                  ORG#org#NET#net / CLUSTER#clu
 * catalog                     ORG#org     CATALOG#cat
 * name guard (unique names)   ORG#org     NAME#kind#nfc(name)          → the id holding the name
 * AWS account guard           ORG#org     AWS_ACCOUNT#123456789012     → the cloud account connecting it
 * CIDR allocation             ORG#org     CIDRS#cac#region             {networkId → cidr} of live networks
 * live children of a parent   ORG#org     CHILDREN#parentId            {ids} (networks and managed catalogs
 *                                                                      of an account, clusters of a network)
 * </pre>
 *
 * <ul>
 * <li>get one: get ORG#org / KIND#id; list a kind: query ORG#org, sk begins with KIND# (id order);
 * <li>networks of an account, clusters of a network (list filters, orphan marking): query GSI1;
 * <li>create: one transaction puts the entity (notExists), its name guard (notExists), the parent's
 *     CHILDREN item (versioned) and, for a network, the account+region CIDR allocation (versioned):
 *     two creates racing on one allocation or parent cannot both commit;
 * <li>delete a parent: the transaction checks its CHILDREN item is empty at the version read, so a
 *     child created meanwhile makes the delete fail (409) instead of orphaning it;
 * <li>destroyed: the entity stays (status destroyed); its name guard, CIDR and CHILDREN entry go;
 *     deleting an account deletes its (empty) CHILDREN item and CIDR allocations (query CIDRS#cac#).
 * </ul>
 */
public final class InfraKeys {
    public static final String CLOUD_ACCOUNT_PREFIX = "CLOUD_ACCOUNT#";
    public static final String NETWORK_PREFIX = "NETWORK#";
    public static final String CLUSTER_PREFIX = "CLUSTER#";
    public static final String CATALOG_PREFIX = "CATALOG#";

    private InfraKeys() {
    }

    public static Key cloudAccount(String orgId, String id) {
        return Key.of(Keys.orgPartition(orgId), CLOUD_ACCOUNT_PREFIX + id);
    }

    public static Key network(String orgId, String id) {
        return Key.of(Keys.orgPartition(orgId), NETWORK_PREFIX + id);
    }

    public static Key cluster(String orgId, String id) {
        return Key.of(Keys.orgPartition(orgId), CLUSTER_PREFIX + id);
    }

    public static Key catalog(String orgId, String id) {
        return Key.of(Keys.orgPartition(orgId), CATALOG_PREFIX + id);
    }

    /** GSI1 partition of the networks of a cloud account. */
    public static String networksOf(String orgId, String cloudAccountId) {
        return Keys.orgPartition(orgId) + "#CAC#" + cloudAccountId;
    }

    /** GSI1 partition of the clusters of a network. */
    public static String clustersOf(String orgId, String networkId) {
        return Keys.orgPartition(orgId) + "#NET#" + networkId;
    }

    /** One cloud account per AWS account and organization: CIDR overlap is checked per cloud account. */
    public static Key awsAccount(String orgId, String awsAccountId) {
        return Key.of(Keys.orgPartition(orgId), "AWS_ACCOUNT#" + awsAccountId);
    }

    /**
     * The guard of a name, keyed on its NFC form: {@code é} sent precomposed or decomposed is one
     * name. The resource keeps the name as it was sent; only its identity is normalized.
     */
    public static Key name(String orgId, InfraKind kind, String name) {
        return Key.of(Keys.orgPartition(orgId), "NAME#" + Wire.name(kind) + "#" + Text.nameKey(name));
    }

    public static Key cidrs(String orgId, String cloudAccountId, String region) {
        return Key.of(Keys.orgPartition(orgId), cidrsPrefix(cloudAccountId) + region);
    }

    /** Sort-key prefix of an account's CIDR allocations, one per region it has networks in. */
    public static String cidrsPrefix(String cloudAccountId) {
        return "CIDRS#" + cloudAccountId + "#";
    }

    public static Key children(String orgId, String parentId) {
        return Key.of(Keys.orgPartition(orgId), "CHILDREN#" + parentId);
    }
}
