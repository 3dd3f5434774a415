package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.Catalog;
import com.lakesail.sdk.infrastructure.CatalogConfig;
import com.lakesail.sdk.infrastructure.CatalogKind;
import com.lakesail.sdk.infrastructure.CatalogStatus;
import com.lakesail.sdk.infrastructure.CloudAccount;
import com.lakesail.sdk.infrastructure.CloudAccountStatus;
import com.lakesail.sdk.infrastructure.Cluster;
import com.lakesail.sdk.infrastructure.ClusterStatus;
import com.lakesail.sdk.infrastructure.Network;
import com.lakesail.sdk.infrastructure.NetworkStatus;
import com.lakesail.sdk.exception.ConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's infrastructure clients against the local backend, as the walkthrough uses them: account →
 * network → cluster (with progress) → catalog → teardown. The sandbox settles at once and the
 * engine runs on its own threads, so the waiters see the real lifecycle in a few seconds.
 */
class LocalBackendInfraSdkTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The sandbox settles at once; the workflows poll each second. */
    private static final Duration POLL = Duration.ofMillis(250);
    private static LocalBackend backend;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().sandboxTimings(SandboxTimings.instant()).start();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void sdk_whenWalkingTheChain_reachesActiveAndTearsDown() {
        Account owner = new HttpApi(backend.endpoint()).signup();
        try (LakeSail lakesail = LakeSail.builder().endpoint(backend.endpoint()).token(owner.token())
                .organization(owner.organizationId()).build()) {
            CloudAccount account = lakesail.cloudAccounts().create(r -> r.name("prod-aws").awsAccountId("123456789012"));
            assertEquals(CloudAccountStatus.PENDING, account.status());
            assertNull(account.roleTemplate(), "the role template travels only when asked for");
            assertEquals(account.externalId(), lakesail.cloudAccounts().roleTemplate(account.id()).parameters().get("ExternalId"));
            CloudAccount verified = lakesail.cloudAccounts()
                    .attachRole(r -> r.cloudAccountId(account.id()).roleArn(InfraSteps.roleArn("123456789012", account.id())))
                    .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
            assertEquals(CloudAccountStatus.ACTIVE, verified.status());

            Network network = lakesail.networks()
                    .create(r -> r.name("prod-net").cloudAccountId(account.id()).region("eu-west-1").cidr("10.20.0.0/16"))
                    .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
            assertEquals(NetworkStatus.ACTIVE, network.status());
            assertEquals(6, network.subnets().size());

            List<Integer> progress = new ArrayList<>();
            Cluster cluster = lakesail.clusters()
                    .create(r -> r.name("prod").networkId(network.id()).accessPolicy(AccessPolicy.privateOnly()))
                    .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL).onProgress(c -> progress.add(c.progress())));
            assertEquals(ClusterStatus.ACTIVE, cluster.status());
            assertEquals(100, progress.get(progress.size() - 1));

            Cluster resized = lakesail.clusters()
                    .update(r -> r.clusterId(cluster.id()).managementNodes(n -> n.min(2).desired(3).max(4)).version(cluster.version()))
                    .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
            assertEquals(3, resized.managementNodes().desired());

            Catalog lake = lakesail.catalogs().create(r -> r.name("lake").kind(CatalogKind.ICEBERG)
                    .config(CatalogConfig.tableLocation("s3://acme-lake/warehouse"))).waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
            assertEquals(CatalogStatus.ACTIVE, lake.status());
            Catalog managed = lakesail.catalogs().create(r -> r.name("managed").kind(CatalogKind.MANAGED)
                    .config(CatalogConfig.builder().region("eu-west-1").build()).cloudAccountId(account.id()))
                    .waitUntilActive(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
            assertEquals(CatalogStatus.ACTIVE, managed.status());

            assertThrows(ConflictException.class, () -> lakesail.networks().delete(network.id()));
            lakesail.clusters().delete(cluster.id()).waitUntilDestroyed(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
            lakesail.networks().delete(network.id()).waitUntilDestroyed(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL));
            assertTrue(lakesail.catalogs().delete(lake.id()).waitUntilDestroyed(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL)).isEmpty(), "a removed catalog is gone");
            assertEquals(CatalogStatus.DESTROYED, lakesail.catalogs().delete(managed.id()).waitUntilDestroyed(w -> w.timeout(WAIT).initialDelay(POLL).maxDelay(POLL))
                    .orElseThrow().status());
            lakesail.cloudAccounts().delete(account.id());
            assertEquals(0, lakesail.cloudAccounts().list().stream().count());
        }
    }
}
