package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.SdkClientException;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.Catalog;
import com.lakesail.sdk.infrastructure.CatalogConfig;
import com.lakesail.sdk.infrastructure.CatalogKind;
import com.lakesail.sdk.infrastructure.CatalogStatus;
import com.lakesail.sdk.infrastructure.CloudAccount;
import com.lakesail.sdk.infrastructure.CloudAccountStatus;
import com.lakesail.sdk.infrastructure.Cluster;
import com.lakesail.sdk.infrastructure.ClusterStatus;
import com.lakesail.sdk.infrastructure.InfrastructureResource;
import com.lakesail.sdk.infrastructure.Network;
import com.lakesail.sdk.infrastructure.NetworkStatus;
import com.lakesail.sdk.infrastructure.ResourceHandle;
import com.lakesail.sdk.infrastructure.RoleTemplate;
import com.lakesail.sdk.testing.FakeClock;
import com.lakesail.sdk.testing.RecordingSleeper;
import com.lakesail.sdk.testing.StubServer;
import com.lakesail.sdk.testing.StubServer.RecordedRequest;
import com.lakesail.sdk.waiter.ResourceFailedException;
import com.lakesail.sdk.waiter.Waiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfrastructureServicesTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test").organization("org_1")
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    private static String account(String status, String stage, int progress, String reason) {
        return """
                {"id": "acc_1", "name": "prod", "awsAccountId": "123456789012", "externalId": "ext-9",
                 "roleArn": "arn:aws:iam::123456789012:role/lakesail",
                 "roleTemplate": {"templateBody": "Resources: {}", "parameters": {"ExternalId": "ext-9"}},
                 "quickCreateUrl": "https://console.aws.amazon.com/cloudformation/quick",
                 "status": "%s", "stage": %s, "progress": %d, "statusReason": %s, "version": 3}"""
                .formatted(status, json(stage), progress, json(reason));
    }

    private static String network(String status, String stage, int progress) {
        return """
                {"id": "net_1", "name": "prod", "cloudAccountId": "acc_1", "region": "us-east-1", "cidr": "10.0.0.0/16",
                 "availabilityZones": ["us-east-1a"], "subnets": [], "orphaned": false,
                 "status": "%s", "stage": %s, "progress": %d, "version": 2}""".formatted(status, json(stage), progress);
    }

    private static String cluster(String status, String stage, int progress, String reason) {
        return """
                {"id": "cls_1", "name": "prod", "networkId": "net_1",
                 "managementNodes": {"instanceType": "m8g.large", "min": 1, "desired": 2, "max": 3, "diskGiB": 100},
                 "accessPolicy": {"mode": "private", "allowedCidrs": []}, "orphaned": false,
                 "status": "%s", "stage": %s, "progress": %d, "statusReason": %s, "version": 4}"""
                .formatted(status, json(stage), progress, json(reason));
    }

    private static String catalog(String kind, String status) {
        return """
                {"id": "cat_1", "name": "lake", "kind": "%s", "config": {"location": "s3://acme/lake"},
                 "status": "%s", "progress": 100, "version": 1}""".formatted(kind, status);
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private <T extends InfrastructureResource> Consumer<Waiter.Builder<T>> fakeTime(List<String> events) {
        return w -> w.timeout(Duration.ofMinutes(30)).clock(clock).sleeper(sleeper)
                .progressListener((status, stage, progress) -> events.add(status + "/" + stage + "/" + progress));
    }

    private List<String> methodsAndPaths() {
        return server.requests().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
    }

    @Test
    void cloudAccountsCreate_whenCalled_postsNameAndAccountIdWithIdempotencyKey() {
        server.reply(201, account("pending", null, 0, null));

        CloudAccount account = lakesail.cloudAccounts().create(r -> r.name("prod").awsAccountId("123456789012"));

        RecordedRequest request = server.request(0);
        assertEquals("POST /v1/orgs/org_1/cloud-accounts", request.method() + " " + request.path());
        assertEquals("{\"name\":\"prod\",\"awsAccountId\":\"123456789012\"}", request.body());
        assertNotNull(request.header("Idempotency-Key"));
        assertEquals(CloudAccountStatus.PENDING, account.status());
        assertEquals("ext-9", account.roleTemplate().parameters().get("ExternalId"));
    }

    @Test
    void cloudAccountsRoleTemplate_whenAsked_readsTheAccountIncludingIt() {
        server.reply(200, account("pending", null, 0, null));

        RoleTemplate template = lakesail.cloudAccounts().roleTemplate("acc_1");

        RecordedRequest request = server.request(0);
        assertEquals("GET /v1/orgs/org_1/cloud-accounts/acc_1", request.method() + " " + request.path());
        assertEquals("include=roleTemplate", request.query());
        assertEquals("Resources: {}", template.templateBody());
        assertEquals("ext-9", template.parameters().get("ExternalId"));
    }

    @Test
    void cloudAccountsRoleTemplate_whenTheServiceLeavesItOut_failsSayingSo() {
        server.reply(200, account("pending", null, 0, null).replace(
                "\"roleTemplate\": {\"templateBody\": \"Resources: {}\", \"parameters\": {\"ExternalId\": \"ext-9\"}},", ""));

        SdkClientException e = assertThrows(SdkClientException.class, () -> lakesail.cloudAccounts().roleTemplate("acc_1"));

        assertEquals("the service sent cloud account acc_1 without its role template", e.getMessage());
    }

    @Test
    void cloudAccountsAttachRole_whenWaitedOn_putsRoleThenPollsUntilActive() {
        server.reply(200, account("verifying", "verify_role", 50, null));
        server.reply(200, account("verifying", "verify_role", 50, null));
        server.reply(200, account("active", null, 100, null));
        List<String> events = new ArrayList<>();

        CloudAccount active = lakesail.cloudAccounts()
                .attachRole(r -> r.cloudAccountId("acc_1").roleArn("arn:aws:iam::123456789012:role/lakesail")
                        .version(3))
                .waitUntilActive(fakeTime(events));

        assertEquals(CloudAccountStatus.ACTIVE, active.status());
        assertEquals(List.of("PUT /v1/orgs/org_1/cloud-accounts/acc_1/role", "GET /v1/orgs/org_1/cloud-accounts/acc_1",
                "GET /v1/orgs/org_1/cloud-accounts/acc_1"), methodsAndPaths());
        assertEquals("{\"roleArn\":\"arn:aws:iam::123456789012:role/lakesail\",\"version\":3}", server.request(0).body());
        assertEquals(List.of("verifying/verify_role/50", "active/null/100"), events);
    }

    @Test
    void cloudAccountsVerify_whenAnswerHasNoBodyAndVerificationFails_throwsWithStageAndReason() {
        server.reply(202, null);
        server.reply(200, account("failed", "verify_role", 50, "the role does not trust the control plane"));

        ResourceHandle<CloudAccount> handle = lakesail.cloudAccounts().verify("acc_1");
        ResourceFailedException e = assertThrows(ResourceFailedException.class,
                () -> handle.waitUntilActive(fakeTime(new ArrayList<>())));

        assertEquals("POST /v1/orgs/org_1/cloud-accounts/acc_1/verify", methodsAndPaths().get(0));
        assertNull(server.request(0).header("Idempotency-Key"));
        assertEquals("verify_role", e.stage());
        assertEquals("the role does not trust the control plane", e.statusReason());
    }

    @Test
    void cloudAccountsListAndDelete_whenCalled_useLimitAndAccountPath() {
        server.reply(200, "{\"items\": [" + account("active", null, 100, null) + "]}");
        server.reply(204, null);

        List<CloudAccount> accounts = lakesail.cloudAccounts().list(r -> r.limit(5)).stream().toList();
        lakesail.cloudAccounts().delete("acc_1");

        assertEquals(1, accounts.size());
        assertEquals("limit=5", server.request(0).query());
        assertEquals("DELETE /v1/orgs/org_1/cloud-accounts/acc_1", methodsAndPaths().get(1));
    }

    @Test
    void cloudAccountsDelete_whenNetworksLive_throwsConflict() {
        server.replyError(409, "Conflict", "networks still live in this account");

        assertThrows(ConflictException.class, () -> lakesail.cloudAccounts().delete("acc_1"));
    }

    @Test
    void networksCreate_whenZonesGiven_postsAllFieldsAndReturnsHandle() {
        server.reply(201, network("pending", null, 0));

        ResourceHandle<Network> handle = lakesail.networks().create(r -> r.name("prod").cloudAccountId("acc_1")
                .region("us-east-1").cidr("10.0.0.0/16").availabilityZones("us-east-1a", "us-east-1b"));

        assertEquals("POST /v1/orgs/org_1/networks", methodsAndPaths().get(0));
        assertEquals("{\"name\":\"prod\",\"cloudAccountId\":\"acc_1\",\"region\":\"us-east-1\",\"cidr\":\"10.0.0.0/16\","
                + "\"availabilityZones\":[\"us-east-1a\",\"us-east-1b\"]}", server.request(0).body());
        assertNotNull(server.request(0).header("Idempotency-Key"));
        assertEquals("net_1", handle.id());
        assertEquals(NetworkStatus.PENDING, handle.resource().status());
    }

    @Test
    void networksCreate_whenZonesNotGiven_leavesThemOutForTheServiceDefault() {
        server.reply(201, network("pending", null, 0));

        lakesail.networks().create(r -> r.name("prod").cloudAccountId("acc_1").region("us-east-1").cidr("10.0.0.0/16"));

        assertEquals("{\"name\":\"prod\",\"cloudAccountId\":\"acc_1\",\"region\":\"us-east-1\",\"cidr\":\"10.0.0.0/16\"}",
                server.request(0).body());
    }

    @Test
    void networksList_whenFilteredByAccount_sendsCloudAccountIdAndLimit() {
        server.reply(200, "{\"items\": []}");

        lakesail.networks().list(r -> r.cloudAccountId("acc_1").limit(10)).stream().count();

        assertEquals("GET /v1/orgs/org_1/networks", methodsAndPaths().get(0));
        assertEquals("cloudAccountId=acc_1&limit=10", server.request(0).query());
    }

    @Test
    void networksDelete_whenRecordVanishesWhileDestroying_countsAsDestroyed() {
        server.reply(202, network("destroying", "delete_stack", 5));
        server.reply(200, network("destroying", "wait_for_delete", 10));
        server.replyError(404, "ResourceNotFound", "no such network");
        List<String> events = new ArrayList<>();

        ResourceHandle<Network> handle = lakesail.networks().delete("net_1");
        Optional<Network> destroyed = handle.waitUntilDestroyed(fakeTime(events));

        assertEquals(NetworkStatus.DESTROYING, handle.resource().status());
        assertEquals(Optional.empty(), destroyed);
        assertEquals(List.of("DELETE /v1/orgs/org_1/networks/net_1", "GET /v1/orgs/org_1/networks/net_1",
                "GET /v1/orgs/org_1/networks/net_1"), methodsAndPaths());
        assertEquals(List.of("destroying/wait_for_delete/10"), events);
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.pauses());
    }

    @Test
    void clustersCreate_whenWaitedOnAsInTheDesign_returnsTheActiveCluster() {
        server.reply(201, cluster("pending", null, 0, null));
        server.reply(200, cluster("active", null, 100, null));
        List<Integer> progress = new ArrayList<>();

        Cluster c = lakesail.clusters()
                .create(r -> r.name("prod").networkId("net_1").accessPolicy(AccessPolicy.privateOnly()))
                .waitUntilActive(Duration.ofMinutes(30), cluster -> progress.add(cluster.progress()));

        assertEquals(ClusterStatus.ACTIVE, c.status());
        assertEquals(List.of(100), progress);
        assertEquals("{\"name\":\"prod\",\"networkId\":\"net_1\",\"accessPolicy\":{\"mode\":\"private\",\"allowedCidrs\":[]}}",
                server.request(0).body());
    }

    @Test
    void clustersCreate_whenProvisioningFails_reportsProgressThenThrowsWithStageAndReason() {
        server.reply(201, cluster("pending", null, 0, null));
        server.reply(200, cluster("provisioning", "create_stack", 5, null));
        server.reply(200, cluster("provisioning", "wait_for_create", 10, null));
        server.reply(200, cluster("failed", "wait_for_create", 10, "CREATE_FAILED: subnet quota exceeded"));
        List<String> events = new ArrayList<>();

        ResourceHandle<Cluster> handle = lakesail.clusters().create(r -> r.name("prod").networkId("net_1")
                .managementNodes(n -> n.instanceType("m8g.xlarge").max(5))
                .accessPolicy(AccessPolicy.publicFrom("203.0.113.0/24")));
        ResourceFailedException e = assertThrows(ResourceFailedException.class,
                () -> handle.waitUntilActive(fakeTime(events)));

        assertEquals("{\"name\":\"prod\",\"networkId\":\"net_1\","
                + "\"managementNodes\":{\"instanceType\":\"m8g.xlarge\",\"max\":5},"
                + "\"accessPolicy\":{\"mode\":\"public\",\"allowedCidrs\":[\"203.0.113.0/24\"]}}", server.request(0).body());
        assertEquals(List.of("provisioning/create_stack/5", "provisioning/wait_for_create/10", "failed/wait_for_create/10"),
                events);
        assertEquals("wait_for_create", e.stage());
        assertEquals("CREATE_FAILED: subnet quota exceeded", e.statusReason());
        assertTrue(e.getMessage().contains("subnet quota exceeded"), e.getMessage());
    }

    @Test
    void clustersUpdate_whenResized_patchesNodesAndVersionThenWaitsThroughUpdating() {
        server.reply(200, cluster("updating", "update_stack", 5, null));
        server.reply(200, cluster("updating", "wait_for_update", 10, null));
        server.reply(200, cluster("active", null, 100, null));
        List<String> events = new ArrayList<>();

        Cluster active = lakesail.clusters()
                .update(r -> r.clusterId("cls_1").managementNodes(n -> n.desired(3)).version(4))
                .waitUntilActive(fakeTime(events));

        assertEquals("PATCH /v1/orgs/org_1/clusters/cls_1", methodsAndPaths().get(0));
        assertEquals("{\"managementNodes\":{\"desired\":3},\"version\":4}", server.request(0).body());
        assertNull(server.request(0).header("Idempotency-Key"));
        assertEquals(ClusterStatus.ACTIVE, active.status());
        assertEquals(List.of("updating/wait_for_update/10", "active/null/100"), events);
    }

    @Test
    void clustersUpdate_whenAccessPolicyChanged_sendsOnlyThePolicyAndVersion() {
        server.reply(200, cluster("updating", "update_stack", 5, null));

        lakesail.clusters().update(r -> r.clusterId("cls_1").accessPolicy(AccessPolicy.publicFrom("198.51.100.7/32"))
                .version(4L));

        assertEquals("{\"accessPolicy\":{\"mode\":\"public\",\"allowedCidrs\":[\"198.51.100.7/32\"]},\"version\":4}",
                server.request(0).body());
    }

    @Test
    void clustersListAndGet_whenCalled_useNetworkFilterAndClusterPath() {
        server.reply(200, "{\"items\": [" + cluster("active", null, 100, null) + "], \"nextToken\": \"n2\"}");
        server.reply(200, "{\"items\": []}");
        server.reply(200, cluster("active", null, 100, null));

        assertEquals(1, lakesail.clusters().list(r -> r.networkId("net_1")).stream().count());
        lakesail.clusters().get("cls_1");

        assertEquals("networkId=net_1", server.request(0).query());
        assertEquals("networkId=net_1&nextToken=n2", server.request(1).query());
        assertEquals("GET /v1/orgs/org_1/clusters/cls_1", methodsAndPaths().get(2));
    }

    @Test
    void clustersDelete_whenWaitedOn_returnsTheDestroyedRecord() {
        server.reply(202, cluster("destroying", "delete_stack", 5, null));
        server.reply(200, cluster("destroyed", null, 100, null));

        Optional<Cluster> destroyed = lakesail.clusters().delete("cls_1").waitUntilDestroyed(
                fakeTime(new ArrayList<>()));

        assertEquals(ClusterStatus.DESTROYED, destroyed.orElseThrow().status());
        assertEquals("DELETE /v1/orgs/org_1/clusters/cls_1", methodsAndPaths().get(0));
    }

    @Test
    void catalogsCreate_whenIceberg_postsKindAndLocationConfigAndIsActiveAtOnce() {
        server.reply(201, catalog("iceberg", "active"));
        server.reply(200, catalog("iceberg", "active"));

        Catalog lake = lakesail.catalogs().create(r -> r.name("lake").kind(CatalogKind.ICEBERG)
                .config(CatalogConfig.tableLocation("s3://acme/lake"))).waitUntilActive(fakeTime(new ArrayList<>()));

        assertEquals("POST /v1/orgs/org_1/catalogs", methodsAndPaths().get(0));
        assertEquals("{\"name\":\"lake\",\"kind\":\"iceberg\",\"config\":{\"location\":\"s3://acme/lake\"}}",
                server.request(0).body());
        assertEquals(CatalogStatus.ACTIVE, lake.status());
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void catalogsCreate_whenManaged_sendsCloudAccountIdAndRegion() {
        server.reply(201, catalog("managed", "pending"));

        lakesail.catalogs().create(r -> r.name("lake").kind(CatalogKind.MANAGED).cloudAccountId("acc_1")
                .config(CatalogConfig.managed("us-east-1")));

        assertEquals("{\"name\":\"lake\",\"kind\":\"managed\",\"config\":{\"region\":\"us-east-1\"},"
                + "\"cloudAccountId\":\"acc_1\"}", server.request(0).body());
    }

    @Test
    void catalogsDelete_whenRemovedAtOnceWith204_handleReadsTheDestroyedCatalog() {
        server.reply(204, null);
        server.reply(200, catalog("iceberg", "destroyed"));

        Optional<Catalog> destroyed = lakesail.catalogs().delete("cat_1").waitUntilDestroyed(
                fakeTime(new ArrayList<>()));

        assertEquals(CatalogStatus.DESTROYED, destroyed.orElseThrow().status());
        assertEquals(List.of("DELETE /v1/orgs/org_1/catalogs/cat_1", "GET /v1/orgs/org_1/catalogs/cat_1"),
                methodsAndPaths());
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void catalogsDelete_whenManagedAnswers202_waitsForDestroyed() {
        server.reply(202, catalog("managed", "destroying"));
        server.reply(200, catalog("managed", "destroying"));
        server.reply(200, catalog("managed", "destroyed"));

        Optional<Catalog> destroyed = lakesail.catalogs().delete("cat_1").waitUntilDestroyed(
                fakeTime(new ArrayList<>()));

        assertEquals(CatalogStatus.DESTROYED, destroyed.orElseThrow().status());
        assertEquals(1, sleeper.pauses().size());
    }

    @Test
    void handle_whenServiceGivesOne_pollsTheResourceById() {
        server.reply(200, network("active", null, 100));

        Network active = lakesail.networks().handle("net_1").waitUntilActive(Duration.ofMinutes(1));

        assertEquals(NetworkStatus.ACTIVE, active.status());
        assertEquals("GET /v1/orgs/org_1/networks/net_1", methodsAndPaths().get(0));
    }

    @Test
    void services_whenClientHasNoOrganization_throwWithoutSending() {
        try (LakeSail noOrg = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test")
                .retryPolicy(RetryPolicy.none()).build()) {
            assertThrows(SdkClientException.class, () -> noOrg.clusters().get("cls_1"));
            assertThrows(SdkClientException.class, () -> noOrg.networks().list().stream().count());
        }
        assertEquals(0, server.requests().size());
    }

    @Test
    void withOrganization_whenUsed_sendsInfrastructureCallsToTheOtherOrganization() {
        server.reply(200, catalog("delta", "active"));

        LakeSail other = lakesail.withOrganization("org_2");
        other.catalogs().get("cat_1");

        assertEquals("GET /v1/orgs/org_2/catalogs/cat_1", methodsAndPaths().get(0));
    }
}
