package com.lakesail.samples;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.Catalog;
import com.lakesail.sdk.infrastructure.CatalogConfig;
import com.lakesail.sdk.infrastructure.CatalogKind;
import com.lakesail.sdk.infrastructure.CloudAccount;
import com.lakesail.sdk.infrastructure.Cluster;
import com.lakesail.sdk.infrastructure.InfrastructureResource;
import com.lakesail.sdk.infrastructure.Network;
import com.lakesail.sdk.infrastructure.ResourceHandle;
import com.lakesail.sdk.infrastructure.Subnet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The infrastructure part of the walkthrough: cloud account → network → cluster (with a console
 * progress bar) → resize → catalog, then jobs on them ({@link JobsWalkthrough}) and a session
 * ({@link SessionWalkthrough}), then teardown. Locally the sandbox cloud stands in for AWS and walks
 * the same stages.
 */
final class InfraWalkthrough {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private InfraWalkthrough() {
    }

    /** {@code sessions} runs on the cluster and catalog after the jobs, before the teardown. */
    static void run(LakeSail lakesail, Path dataDirectory, BiConsumer<String, Catalog> sessions) {
        long now = System.currentTimeMillis();
        String suffix = Long.toString(now % 1_000_000, 36);
        // An organization connects each AWS account once; the local data directory outlives a run.
        String awsAccountId = String.format("%012d", now % 1_000_000_000_000L);

        Walkthrough.step("Connect an AWS account: LakeSail gives it an ExternalId and a role template to deploy");
        CloudAccount created = lakesail.cloudAccounts().create(r -> r.name("aws-" + suffix).awsAccountId(awsAccountId));
        String accountId = created.id();
        System.out.printf("  %s, ExternalId %s, template parameters %s%n", accountId, created.externalId(),
                lakesail.cloudAccounts().roleTemplate(accountId).parameters().keySet());
        // The role the customer's stack creates is named after the account, within the lakesail-* scope.
        String roleArn = "arn:aws:iam::" + awsAccountId + ":role/lakesail-" + accountId.replace('_', '-');
        CloudAccount account = await("account", lakesail.cloudAccounts().attachRole(r -> r.cloudAccountId(accountId).roleArn(roleArn)));
        System.out.printf("  %s is %s with %s%n", account.id(), account.status().toString().toLowerCase(Locale.ROOT), account.roleArn());

        Walkthrough.step("Provision a network: a VPC with a public and a private subnet per availability zone");
        Network network = await("network", lakesail.networks().create(r -> r.name("net-" + suffix)
                .cloudAccountId(accountId).region("us-east-1").cidr("10.42.0.0/16")));
        System.out.printf("  %s in %s: %s%n", network.vpcId(), network.region(), network.cidr());
        for (Subnet subnet : network.subnets()) {
            System.out.printf("    %-11s %-8s %-16s %s%n", subnet.availabilityZone(), subnet.kind().toString().toLowerCase(Locale.ROOT),
                    subnet.cidr(), subnet.subnetId());
        }

        Walkthrough.step("Provision a cluster in it (management nodes default to m8g.large, 1 / 2 / 3, 100 GiB)");
        String networkId = network.id();
        Cluster cluster = await("cluster", lakesail.clusters().create(r -> r.name("sail-" + suffix).networkId(networkId)
                .accessPolicy(AccessPolicy.privateOnly())));
        System.out.printf("  %s at %s, nodes %s%n", cluster.id(), cluster.endpoint(), cluster.managementNodes());

        Walkthrough.step("Resize it in place: updating → active, no rebuild");
        Cluster current = cluster;
        cluster = await("resize", lakesail.clusters().update(r -> r.clusterId(current.id())
                .managementNodes(n -> n.min(2).desired(3).max(4)).version(current.version())));
        System.out.printf("  nodes now %s%n", cluster.managementNodes());

        Walkthrough.step("Register a catalog: a bring-your-own Iceberg location is active at once");
        Catalog catalog = lakesail.catalogs().create(r -> r.name("lake-" + suffix).kind(CatalogKind.ICEBERG)
                .config(CatalogConfig.tableLocation("s3://demo-lake/warehouse"))).waitUntilActive(TIMEOUT);
        System.out.printf("  %s %s -> %s%n", catalog.id(), catalog.status(), catalog.config().location());

        JobsWalkthrough.run(lakesail, cluster.id(), catalog.id(), catalog.name(), dataDirectory);
        sessions.accept(cluster.id(), catalog);

        Walkthrough.step("Tear it all down");
        lakesail.catalogs().delete(catalog.id());
        destroyed("cluster", lakesail.clusters().delete(cluster.id()));
        destroyed("network", lakesail.networks().delete(network.id()));
        lakesail.cloudAccounts().delete(account.id());
        System.out.printf("  catalog removed, cluster and network destroyed, account %s disconnected from LakeSail%n", account.id());
    }

    private static <T extends InfrastructureResource> T await(String label, ResourceHandle<T> handle) {
        ProgressBar bar = new ProgressBar(label);
        try {
            return handle.waitUntilActive(TIMEOUT, bar);
        } finally {
            bar.done();
        }
    }

    private static <T extends InfrastructureResource> void destroyed(String label, ResourceHandle<T> handle) {
        ProgressBar bar = new ProgressBar(label);
        try {
            Optional<T> last = handle.waitUntilDestroyed(TIMEOUT, bar);
            last.ifPresent(r -> bar.onProgress(r.status().toString().toLowerCase(Locale.ROOT), null, 100));
        } finally {
            bar.done();
        }
    }
}
