package com.lakesail.backend.port;

import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.AccessMode;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogConfig;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.domain.infra.Subnet;
import com.lakesail.backend.domain.infra.SubnetTier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contract between the workflows and the templates in {@code cloudformation/}: stack names,
 * idempotency tokens, parameter and output names. The AWS adapter deploys the templates with these
 * parameters; the sandbox cloud answers with these outputs.
 *
 * <p>Stack names are {@code lakesail-<resource id>} ({@code lakesail-clu-7k2m...}), so the customer
 * role's permissions can be scoped to {@code lakesail-*} and a retried create finds its own stack.
 */
public final class InfraStacks {
    public static final String PREFIX = "lakesail-";

    /** Tags on every stack (CloudFormation copies them onto the resources). */
    public static final String TAG_ORGANIZATION = "lakesail:organization-id";
    public static final String TAG_RESOURCE = "lakesail:resource-id";
    public static final String TAG_KIND = "lakesail:kind";
    public static final String TAG_NAME = "lakesail:name";

    // network.yaml
    public static final String VPC_CIDR = "VpcCidr";
    public static final String ZONE_COUNT = "ZoneCount";
    public static final String AVAILABILITY_ZONES = "AvailabilityZones";
    public static final String PRIVATE_SUBNET_CIDRS = "PrivateSubnetCidrs";
    public static final String PUBLIC_SUBNET_CIDRS = "PublicSubnetCidrs";
    public static final String OUT_VPC_ID = "VpcId";

    // cluster.yaml
    public static final String CLUSTER_NAME = "ClusterName";
    public static final String VPC_ID = "VpcId";
    public static final String SUBNET_IDS = "SubnetIds";
    public static final String NODE_INSTANCE_TYPE = "NodeInstanceType";
    public static final String NODE_AMI_TYPE = "NodeAmiType";
    public static final String NODE_MIN = "NodeMinSize";
    public static final String NODE_DESIRED = "NodeDesiredSize";
    public static final String NODE_MAX = "NodeMaxSize";
    public static final String NODE_DISK_GIB = "NodeDiskGiB";
    public static final String ENDPOINT_PUBLIC = "EndpointPublicAccess";
    public static final String PUBLIC_ACCESS_CIDRS = "PublicAccessCidrs";
    public static final String OUT_CLUSTER_NAME = "ClusterName";
    public static final String OUT_ENDPOINT = "Endpoint";

    // catalog.yaml
    public static final String BUCKET_NAME = "BucketName";
    public static final String DATABASE_NAME = "DatabaseName";
    public static final String OUT_WAREHOUSE = "WarehouseLocation";
    public static final String OUT_DATABASE = "GlueDatabase";

    private static final Pattern GRAVITON = Pattern.compile("^[a-z]+[0-9]+g");

    private InfraStacks() {
    }

    /** {@code clu_7k2m...} → {@code lakesail-clu-7k2m...}: ids are lower-case base32, so this is one-to-one. */
    public static String stackName(String resourceId) {
        return PREFIX + resourceId.replace('_', '-');
    }

    /**
     * The ClientRequestToken of one stack operation: resource, operation and generation (e.g. the
     * resource version that started the workflow), so a retry repeats it and a later update does not.
     */
    public static String token(String resourceId, Stage operation, long generation) {
        return stackName(resourceId) + "-" + Wire.name(operation).replace('_', '-') + "-" + generation;
    }

    public static StackRef ref(AccountAccess access, String region, String resourceId) {
        return new StackRef(access, region, stackName(resourceId));
    }

    public static StackRequest network(AccountAccess access, Network network, String token) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(VPC_CIDR, network.cidr());
        p.put(ZONE_COUNT, Integer.toString(network.availabilityZones().size()));
        p.put(AVAILABILITY_ZONES, String.join(",", network.availabilityZones()));
        p.put(PRIVATE_SUBNET_CIDRS, String.join(",", cidrs(network.subnets(), SubnetTier.PRIVATE)));
        p.put(PUBLIC_SUBNET_CIDRS, String.join(",", cidrs(network.subnets(), SubnetTier.PUBLIC)));
        return new StackRequest(ref(access, network.region(), network.id()), StackTemplate.NETWORK, p,
                tags(network.organizationId(), network.id(), InfraKind.NETWORK, network.name()), token);
    }

    /** Output holding the id of the {@code index}-th (from 1) subnet of {@code tier}: {@code PrivateSubnet1Id}. */
    public static String subnetOutput(SubnetTier tier, int index) {
        return (tier == SubnetTier.PRIVATE ? "Private" : "Public") + "Subnet" + index + "Id";
    }

    /**
     * The subnet ids a complete network stack reported, by planned CIDR (for
     * {@link Network#provisioned}).
     */
    public static Map<String, String> subnetIds(Network network, Map<String, String> outputs) {
        Map<String, String> ids = new HashMap<>();
        for (SubnetTier tier : SubnetTier.values()) {
            List<String> cidrs = cidrs(network.subnets(), tier);
            for (int i = 0; i < cidrs.size(); i++) {
                String id = outputs.get(subnetOutput(tier, i + 1));
                if (id != null) {
                    ids.put(cidrs.get(i), id);
                }
            }
        }
        return ids;
    }

    /** The cluster's stack, in its network's account and region, on the network's private subnets. */
    public static StackRequest cluster(AccountAccess access, Network network, Cluster cluster, String token) {
        if (network.vpcId() == null) {
            throw new IllegalStateException("network " + network.id() + " has no VPC yet");
        }
        ManagementNodes nodes = cluster.managementNodes();
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CLUSTER_NAME, stackName(cluster.id()));
        p.put(VPC_ID, network.vpcId());
        p.put(SUBNET_IDS, String.join(",", network.subnets().stream()
                .filter(s -> s.tier() == SubnetTier.PRIVATE).map(Subnet::subnetId).toList()));
        p.put(NODE_INSTANCE_TYPE, nodes.instanceType());
        p.put(NODE_AMI_TYPE, amiType(nodes.instanceType()));
        p.put(NODE_MIN, Integer.toString(nodes.min()));
        p.put(NODE_DESIRED, Integer.toString(nodes.desired()));
        p.put(NODE_MAX, Integer.toString(nodes.max()));
        p.put(NODE_DISK_GIB, Integer.toString(nodes.diskGiB()));
        boolean isPublic = cluster.accessPolicy().mode() == AccessMode.PUBLIC;
        p.put(ENDPOINT_PUBLIC, Boolean.toString(isPublic));
        p.put(PUBLIC_ACCESS_CIDRS, String.join(",", cluster.accessPolicy().allowedCidrs()));
        return new StackRequest(ref(access, network.region(), cluster.id()), StackTemplate.CLUSTER, p,
                tags(cluster.organizationId(), cluster.id(), InfraKind.CLUSTER, cluster.name()), token);
    }

    /** A managed catalog's stack: a bucket named after the catalog and account (bucket names are global). */
    public static StackRequest catalog(AccountAccess access, Catalog catalog, String token) {
        if (!(catalog.config() instanceof CatalogConfig.Managed managed)) {
            throw new IllegalArgumentException("only a managed catalog has a stack");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put(BUCKET_NAME, stackName(catalog.id()) + "-" + access.awsAccountId());
        p.put(DATABASE_NAME, stackName(catalog.id()).replace('-', '_'));
        return new StackRequest(ref(access, managed.region(), catalog.id()), StackTemplate.CATALOG, p,
                tags(catalog.organizationId(), catalog.id(), InfraKind.CATALOG, catalog.name()), token);
    }

    /**
     * The node image must match the instance's architecture. Graviton families carry a {@code g}
     * right after the generation digit ({@code m8g}, {@code c7gn}, {@code r6gd}); {@code g5} is a
     * GPU family on x86.
     */
    static String amiType(String instanceType) {
        return GRAVITON.matcher(instanceType).find() ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
    }

    public static Map<String, String> tags(String organizationId, String resourceId, InfraKind kind, String name) {
        return Map.of(TAG_ORGANIZATION, organizationId, TAG_RESOURCE, resourceId, TAG_KIND, Wire.name(kind),
                TAG_NAME, tagValue(name));
    }

    /** Tag values allow letters, digits, spaces and {@code _.:/=+-@}; anything else in a name becomes {@code _}. */
    public static String tagValue(String text) {
        String cleaned = text.replaceAll("[^\\p{L}\\p{N}\\p{Zs}_.:/=+\\-@]", "_");
        return cleaned.length() <= 256 ? cleaned : cleaned.substring(0, 256);
    }

    private static List<String> cidrs(List<Subnet> subnets, SubnetTier tier) {
        return subnets.stream().filter(s -> s.tier() == tier).map(Subnet::cidr).toList();
    }
}
