package com.lakesail.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogDefinition;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterDefinition;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkDefinition;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.domain.infra.Subnet;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudAccessDeniedException;
import com.lakesail.backend.port.CloudProviderException;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.RoleSetup;
import com.lakesail.backend.port.StackRef;
import com.lakesail.backend.port.StackRequest;
import com.lakesail.backend.port.StackState;
import com.lakesail.backend.port.WorkloadTarget;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.workflow.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxCloudTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final AccountAccess ACCESS = new AccountAccess("111122223333",
            "arn:aws:iam::111122223333:role/lakesail-cac-1", "ext-123");
    private static final WorkloadTarget TARGET = new WorkloadTarget("clu_b2", "lakesail-clu-b2", "eu-west-1", ACCESS);

    private final ManualClock clock = new ManualClock(T0);
    private final SqliteStore store = SqliteStore.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    private SandboxCloud sandbox(String faults) {
        return new SandboxCloud(store, clock, SandboxTimings.defaults(), SandboxFaults.parse(faults));
    }

    private static Network network() {
        return Network.create("net_a1", "org_1", NetworkDefinition.validate("prod-net", "cac_1", "eu-west-1", "10.20.0.0/16",
                List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")), T0);
    }

    /** A network the sandbox has built, as the provisioning workflow would record it. */
    private static Network provisioned(SandboxCloud cloud, ManualClock clock) {
        Network n = network();
        cloud.createStack(InfraStacks.network(ACCESS, n, "t-net"));
        clock.advance(Duration.ofSeconds(8));
        StackState done = cloud.describeStack(InfraStacks.ref(ACCESS, "eu-west-1", n.id())).orElseThrow();
        return n.moveTo(NetworkStatus.PROVISIONING, Stage.WAIT_FOR_CREATE, null, T0)
                .provisioned(done.outputs().get(InfraStacks.OUT_VPC_ID), InfraStacks.subnetIds(n, done.outputs()), T0);
    }

    private static Cluster cluster(ManagementNodes nodes) {
        return Cluster.create("clu_b2", "org_1", ClusterDefinition.validate("prod", "net_a1", nodes, null, null), T0);
    }

    @Test
    void verifyRole_whenWellFormedRoleInTheAccount_passes() {
        sandbox("").verifyRole(ACCESS);
    }

    @Test
    void verifyRole_whenRoleInAnotherAccountOrNotLakesail_throwsAccessDenied() {
        SandboxCloud cloud = sandbox("");
        assertThrows(CloudAccessDeniedException.class, () -> cloud.verifyRole(new AccountAccess("111122223333",
                "arn:aws:iam::999988887777:role/lakesail-cac-1", "ext")));
        assertThrows(CloudAccessDeniedException.class, () -> cloud.verifyRole(new AccountAccess("111122223333",
                "arn:aws:iam::111122223333:role/admin", "ext")));
        assertThrows(CloudAccessDeniedException.class, () -> cloud.verifyRole(new AccountAccess("111122223333",
                "arn:aws:iam::111122223333:role/lakesail-cac-1", " ")));
    }

    @Test
    void verifyRole_whenFaultPlantedForAccount_throwsAccessDeniedWithReason() {
        CloudAccessDeniedException e = assertThrows(CloudAccessDeniedException.class,
                () -> sandbox("cloud_account:111122223333:verify_role").verifyRole(ACCESS));

        assertEquals("injected fault: cloud_account 111122223333 fails at verify_role", e.getMessage());
    }

    @Test
    void network_whenClockPassesEightSeconds_completesWithSubnetsOfTheLayout() {
        SandboxCloud cloud = sandbox("");
        Network n = network();
        StackRef ref = InfraStacks.ref(ACCESS, "eu-west-1", n.id());

        String stackId = cloud.createStack(InfraStacks.network(ACCESS, n, "t-net"));
        clock.advance(Duration.ofMillis(7_999));
        StackState moving = cloud.describeStack(ref).orElseThrow();
        clock.advance(Duration.ofMillis(1));
        StackState done = cloud.describeStack(ref).orElseThrow();

        assertTrue(stackId.matches("arn:aws:cloudformation:eu-west-1:111122223333:stack/lakesail-net-a1/[0-9a-f-]{36}"), stackId);
        assertEquals(new StackState(stackId, StackState.Status.IN_PROGRESS, null, Map.of()), moving);
        assertEquals(StackState.Status.COMPLETE, done.status());
        assertTrue(done.outputs().get(InfraStacks.OUT_VPC_ID).matches("vpc-[0-9a-f]{17}"));
        Network active = n.moveTo(NetworkStatus.PROVISIONING, Stage.WAIT_FOR_CREATE, null, T0)
                .provisioned(done.outputs().get(InfraStacks.OUT_VPC_ID), InfraStacks.subnetIds(n, done.outputs()), T0);
        assertEquals(6, active.subnets().stream().map(Subnet::subnetId).filter(id -> id.matches("subnet-[0-9a-f]{17}")).distinct().count());
    }

    @Test
    void createStack_whenRetried_returnsSameStackWithoutRestartingTheClock() {
        SandboxCloud cloud = sandbox("");
        StackRequest request = InfraStacks.network(ACCESS, network(), "t-net");
        String first = cloud.createStack(request);
        clock.advance(Duration.ofSeconds(5));

        assertEquals(first, cloud.createStack(request));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(StackState.Status.COMPLETE, cloud.describeStack(request.ref()).orElseThrow().status());
    }

    @Test
    void cluster_whenDefaults_takesTwentySecondsThenBootstraps() {
        SandboxCloud cloud = sandbox("");
        Network net = provisioned(cloud, clock);
        StackRequest request = InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT), "t-clu");
        cloud.createStack(request);

        clock.advance(Duration.ofMillis(19_999));
        assertEquals(StackState.Status.IN_PROGRESS, cloud.describeStack(request.ref()).orElseThrow().status());
        assertFalse(assertThrows(ComputeRuntimeException.class, () -> cloud.bootstrap(TARGET)).retryable());
        clock.advance(Duration.ofMillis(1));
        StackState done = cloud.describeStack(request.ref()).orElseThrow();
        cloud.bootstrap(TARGET);
        cloud.bootstrap(TARGET);

        assertEquals(TARGET.clusterName(), done.outputs().get(InfraStacks.OUT_CLUSTER_NAME));
        assertTrue(done.outputs().get(InfraStacks.OUT_ENDPOINT).matches("https://[0-9A-F]{32}\\.gr7\\.eu-west-1\\.eks\\.amazonaws\\.com"),
                done.outputs().get(InfraStacks.OUT_ENDPOINT));
        assertTrue(cloud.stack("lakesail-clu-b2").orElseThrow().bootstrapped());
    }

    @Test
    void createStack_whenFaultAtCreateStack_throwsNonRetryableAndBuildsNothing() {
        SandboxCloud cloud = sandbox("cluster:prod:create_stack");
        Network net = provisioned(cloud, clock);
        StackRequest request = InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT), "t-clu");

        CloudProviderException e = assertThrows(CloudProviderException.class, () -> cloud.createStack(request));

        assertFalse(e.retryable());
        assertEquals("injected fault: cluster prod fails at create_stack", e.getMessage());
        assertEquals(Optional.empty(), cloud.describeStack(request.ref()));
    }

    @Test
    void describeStack_whenFaultAtWaitForCreate_failsWhenTheOperationSettles() {
        SandboxCloud cloud = sandbox("network:prod-net:wait_for_create");
        StackRequest request = InfraStacks.network(ACCESS, network(), "t-net");
        cloud.createStack(request);

        assertEquals(StackState.Status.IN_PROGRESS, cloud.describeStack(request.ref()).orElseThrow().status());
        clock.advance(Duration.ofSeconds(8));
        StackState failed = cloud.describeStack(request.ref()).orElseThrow();

        assertEquals(StackState.Status.FAILED, failed.status());
        assertEquals("injected fault: network prod-net fails at wait_for_create", failed.reason());
    }

    @Test
    void bootstrap_whenFaultPlanted_throwsNonRetryable() {
        SandboxCloud cloud = sandbox("cluster:*:bootstrap_kubernetes");
        Network net = provisioned(cloud, clock);
        cloud.createStack(InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT), "t-clu"));
        clock.advance(Duration.ofSeconds(20));

        ComputeRuntimeException e = assertThrows(ComputeRuntimeException.class, () -> cloud.bootstrap(TARGET));

        assertFalse(e.retryable());
        assertEquals("injected fault: cluster prod fails at bootstrap_kubernetes", e.getMessage());
    }

    @Test
    void updateStack_whenResized_isInProgressThenCompleteWithTheSameIds() {
        SandboxCloud cloud = sandbox("");
        Network net = provisioned(cloud, clock);
        StackRequest create = InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT), "t-create");
        cloud.createStack(create);
        clock.advance(Duration.ofSeconds(20));
        Map<String, String> before = cloud.describeStack(create.ref()).orElseThrow().outputs();
        StackRequest resize = InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT.merge(null, 2, 4, 6, null)), "t-update");

        cloud.updateStack(resize);
        cloud.updateStack(resize);
        StackState moving = cloud.describeStack(create.ref()).orElseThrow();
        assertThrows(CloudProviderException.class, () -> cloud.updateStack(InfraStacks.cluster(ACCESS, net,
                cluster(ManagementNodes.DEFAULT.merge(null, 3, 3, 3, null)), "t-other")));
        clock.advance(Duration.ofSeconds(6));
        StackState done = cloud.describeStack(create.ref()).orElseThrow();

        assertEquals(StackState.Status.IN_PROGRESS, moving.status());
        assertEquals(before, moving.outputs());
        assertEquals(StackState.Status.COMPLETE, done.status());
        assertEquals(before, done.outputs());
        assertEquals("4", cloud.stack("lakesail-clu-b2").orElseThrow().parameters().get(InfraStacks.NODE_DESIRED));
    }

    @Test
    void updateStack_whenNothingChanges_staysComplete() {
        SandboxCloud cloud = sandbox("");
        Network net = provisioned(cloud, clock);
        StackRequest create = InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT), "t-create");
        cloud.createStack(create);
        clock.advance(Duration.ofSeconds(20));

        cloud.updateStack(InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT), "t-update"));

        assertEquals(StackState.Status.COMPLETE, cloud.describeStack(create.ref()).orElseThrow().status());
    }

    @Test
    void updateStack_whenFaultAtWaitForUpdate_failsAfterTheUpdate() {
        SandboxCloud cloud = sandbox("cluster:prod:wait_for_update");
        Network net = provisioned(cloud, clock);
        StackRequest create = InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT), "t-create");
        cloud.createStack(create);
        clock.advance(Duration.ofSeconds(20));
        assertEquals(StackState.Status.COMPLETE, cloud.describeStack(create.ref()).orElseThrow().status());

        cloud.updateStack(InfraStacks.cluster(ACCESS, net, cluster(ManagementNodes.DEFAULT.merge(null, null, 3, null, null)), "t-up"));
        clock.advance(Duration.ofSeconds(6));

        assertEquals(StackState.Status.FAILED, cloud.describeStack(create.ref()).orElseThrow().status());
    }

    @Test
    void deleteStack_whenSettled_stackIsGoneAndTheNameCanBeReused() {
        SandboxCloud cloud = sandbox("");
        StackRequest request = InfraStacks.network(ACCESS, network(), "t-net");
        String first = cloud.createStack(request);
        clock.advance(Duration.ofSeconds(8));

        cloud.deleteStack(request.ref(), "t-del");
        cloud.deleteStack(request.ref(), "t-del");
        assertEquals(StackState.Status.IN_PROGRESS, cloud.describeStack(request.ref()).orElseThrow().status());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.empty(), cloud.describeStack(request.ref()));
        cloud.deleteStack(request.ref(), "t-del-again");

        String second = cloud.createStack(InfraStacks.network(ACCESS, network(), "t-net-2"));
        assertFalse(first.equals(second));
        assertEquals(StackState.Status.IN_PROGRESS, cloud.describeStack(request.ref()).orElseThrow().status());
    }

    @Test
    void deleteStack_whenFaultAtWaitForDelete_failsAndCanBeDeletedAgain() {
        SandboxCloud cloud = new SandboxCloud(store, clock, SandboxTimings.defaults(), SandboxFaults.parse("catalog:lake:wait_for_delete"));
        Catalog catalog = Catalog.create("cat_c3", "org_1", CatalogDefinition.validate("lake", "managed",
                Map.of("region", "eu-west-1"), "cac_1"), T0);
        StackRequest request = InfraStacks.catalog(ACCESS, catalog, "t-cat");
        cloud.createStack(request);
        clock.advance(Duration.ofSeconds(4));
        assertEquals("s3://lakesail-cat-c3-111122223333/warehouse/",
                cloud.describeStack(request.ref()).orElseThrow().outputs().get(InfraStacks.OUT_WAREHOUSE));

        cloud.deleteStack(request.ref(), "t-del");
        clock.advance(Duration.ofSeconds(5));
        StackState failed = cloud.describeStack(request.ref()).orElseThrow();

        assertEquals(StackState.Status.FAILED, failed.status());
        assertEquals("injected fault: catalog lake fails at wait_for_delete", failed.reason());
    }

    @Test
    void describeStack_whenBackendRestarts_resumesFromTheStore() {
        StackRequest request = InfraStacks.network(ACCESS, network(), "t-net");
        sandbox("").createStack(request);
        clock.advance(Duration.ofSeconds(4));

        SandboxCloud restarted = sandbox("");
        assertEquals(StackState.Status.IN_PROGRESS, restarted.describeStack(request.ref()).orElseThrow().status());
        clock.advance(Duration.ofSeconds(4));
        assertEquals(StackState.Status.COMPLETE, restarted.describeStack(request.ref()).orElseThrow().status());
    }

    @Test
    void describeStack_whenAnotherAccountOrRegionAsks_seesNothing() {
        SandboxCloud cloud = sandbox("");
        StackRequest request = InfraStacks.network(ACCESS, network(), "t-net");
        cloud.createStack(request);
        AccountAccess other = new AccountAccess("444455556666", "arn:aws:iam::444455556666:role/lakesail-x", "e");

        assertEquals(Optional.empty(), cloud.describeStack(new StackRef(other, "eu-west-1", request.ref().stackName())));
        assertEquals(Optional.empty(), cloud.describeStack(new StackRef(ACCESS, "us-east-1", request.ref().stackName())));
    }

    @Test
    void createStack_whenSubnetsDoNotMatchTheLayout_refusesLikeAValidationError() {
        StackRequest good = InfraStacks.network(ACCESS, network(), "t-net");
        Map<String, String> parameters = new HashMap<>(good.parameters());
        parameters.put(InfraStacks.PRIVATE_SUBNET_CIDRS, "10.20.0.0/24,10.20.1.0/24,10.20.2.0/24");

        CloudProviderException e = assertThrows(CloudProviderException.class, () -> sandbox("").createStack(
                new StackRequest(good.ref(), good.template(), parameters, good.tags(), "t")));

        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("not the layout of 10.20.0.0/16"), e.getMessage());
    }

    @Test
    void createStack_whenRequiredParameterMissing_refuses() {
        StackRequest good = InfraStacks.network(ACCESS, network(), "t-net");
        Map<String, String> parameters = new HashMap<>(good.parameters());
        parameters.remove(InfraStacks.VPC_CIDR);

        assertThrows(CloudProviderException.class, () -> sandbox("").createStack(
                new StackRequest(good.ref(), good.template(), parameters, good.tags(), "t")));
    }

    @Test
    void roleSetup_whenAsked_givesTheCustomerRoleTemplateWithoutConsoleLink() {
        RoleSetup setup = sandbox("").roleSetup("cac_1", "ext-123");

        assertTrue(setup.templateBody().contains("sts:ExternalId"));
        assertEquals("lakesail-cac-1", setup.parameters().get("RoleName"));
        assertEquals("ext-123", setup.parameters().get("ExternalId"));
        assertNull(setup.quickCreateUrl());
    }

    @Test
    void timings_whenInstant_settleAtOnce() {
        SandboxCloud cloud = new SandboxCloud(store, clock, SandboxTimings.instant(), SandboxFaults.none());
        StackRequest request = InfraStacks.network(ACCESS, network(), "t-net");
        cloud.createStack(request);

        assertEquals(StackState.Status.COMPLETE, cloud.describeStack(request.ref()).orElseThrow().status());
    }
}
