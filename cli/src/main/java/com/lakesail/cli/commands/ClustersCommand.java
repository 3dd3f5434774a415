package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.Cluster;
import com.lakesail.sdk.infrastructure.ManagementNodes;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "clusters", description = "Clusters: EKS in a network, where Sail servers run jobs and sessions.")
public final class ClustersCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("status"),
            Column.of("stage"), Column.of("progress"), Column.of("networkId"),
            Column.of("NODES", "managementNodes.desired"), Column.of("ACCESS", "accessPolicy.mode"));

    ClustersCommand(Context context) {
        super(context);
    }

    /** Sizes of the management node group; unset ones keep their default (create) or current value (update). */
    static final class Nodes {
        @Option(names = "--instance-type", description = "Default m8g.large.")
        String instanceType;
        @Option(names = "--min", description = "Default 1.")
        Integer min;
        @Option(names = "--desired", description = "Default 2.")
        Integer desired;
        @Option(names = "--max", description = "Default 3.")
        Integer max;
        @Option(names = "--disk-gib", description = "Default 100.")
        Integer diskGiB;

        ManagementNodes orNull() {
            if (instanceType == null && min == null && desired == null && max == null && diskGiB == null) {
                return null;
            }
            return ManagementNodes.builder().instanceType(instanceType).min(min).desired(desired).max(max).diskGiB(diskGiB).build();
        }
    }

    /** Who reaches the cluster's Kubernetes API. */
    static final class Access {
        @Option(names = "--private", required = true, description = "Inside the VPC only (the default on create).")
        boolean privateOnly;
        @Option(names = "--public-from", paramLabel = "CIDR", split = ",", required = true,
                description = "A public endpoint reachable from these CIDRs.")
        List<String> publicFrom;

        AccessPolicy policy() {
            return privateOnly ? AccessPolicy.privateOnly() : AccessPolicy.publicFrom(publicFrom.toArray(String[]::new));
        }
    }

    @Command(name = "create", description = "Provision a cluster: pending -> provisioning -> active.")
    int create(@Option(names = "--name", required = true) String name,
            @Option(names = "--network", paramLabel = "NETWORK_ID", required = true) String networkId,
            @ArgGroup(exclusive = false) Nodes nodes, @ArgGroup(exclusive = true) Access access, @Mixin WaitOptions wait) {
        ManagementNodes sizes = nodes == null ? null : nodes.orNull();
        AccessPolicy policy = access == null ? AccessPolicy.privateOnly() : access.policy();
        return activeOrCreated("cluster " + name, lakesail().clusters().create(r -> r.name(name).networkId(networkId)
                .managementNodes(sizes).accessPolicy(policy)), wait);
    }

    @Command(name = "update", description = "Resize in place or change the access policy: updating -> active.")
    int update(@Parameters(paramLabel = "CLUSTER_ID") String id, @ArgGroup(exclusive = false) Nodes nodes,
            @ArgGroup(exclusive = true) Access access,
            @Option(names = "--expected-version", paramLabel = "N") Long expected, @Mixin WaitOptions wait) {
        Cluster current = lakesail().clusters().get(id);
        long version = expected != null ? expected : current.version();
        ManagementNodes sizes = nodes == null ? null : nodes.orNull();
        AccessPolicy policy = access == null ? null : access.policy();
        return activeOrCreated("cluster " + current.name(), lakesail().clusters().update(r -> r.clusterId(id)
                .managementNodes(sizes).accessPolicy(policy).version(version)), wait);
    }

    @Command(name = "get", description = "Show a cluster.")
    void get(@Parameters(paramLabel = "CLUSTER_ID") String id) {
        out().model(lakesail().clusters().get(id));
    }

    @Command(name = "list", description = "List the clusters.")
    void list(@Option(names = "--network", paramLabel = "NETWORK_ID") String networkId, @Mixin ListOptions list) {
        out().list(limited(lakesail().clusters().list(r -> r.networkId(networkId).limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "delete", description = "Destroy a cluster: destroying -> destroyed.")
    int delete(@Parameters(paramLabel = "CLUSTER_ID") String id, @Mixin WaitOptions wait) {
        return destroyed("cluster " + id, lakesail().clusters().delete(id), wait);
    }
}
