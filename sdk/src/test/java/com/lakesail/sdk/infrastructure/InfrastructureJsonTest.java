package com.lakesail.sdk.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.sdk.internal.SdkJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfrastructureJsonTest {
    private static final ObjectMapper JSON = SdkJson.mapper();
    private static final Instant T1 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2030-01-01T10:05:00Z");
    private static final String LIFECYCLE_TAIL = """
            "statusReason": null, "stage": null, "progress": 0,
            "createdAt": "2030-01-01T10:00:00Z", "updatedAt": "2030-01-01T10:05:00Z", "version": 4""";

    @Test
    void readCloudAccount_whenAllFields_mapsThemWithTemplateParameters() throws Exception {
        CloudAccount account = JSON.readValue("""
                {"id": "acc_1", "name": "prod", "awsAccountId": "123456789012", "externalId": "ext-9",
                 "roleArn": null,
                 "roleTemplate": {"templateBody": "AWSTemplateFormatVersion: '2010-09-09'",
                                  "parameters": {"ExternalId": "ext-9",
                                                 "ControlPlanePrincipal": "arn:aws:iam::999999999999:root"}},
                 "quickCreateUrl": "https://console.aws.amazon.com/cloudformation/quick",
                 "status": "pending", %s}""".formatted(LIFECYCLE_TAIL), CloudAccount.class);

        assertEquals(new CloudAccount("acc_1", "prod", "123456789012", "ext-9", null,
                new RoleTemplate("AWSTemplateFormatVersion: '2010-09-09'",
                        Map.of("ExternalId", "ext-9", "ControlPlanePrincipal", "arn:aws:iam::999999999999:root")),
                "https://console.aws.amazon.com/cloudformation/quick", CloudAccountStatus.PENDING, null, null, 0, T1, T2,
                4), account);
    }

    @Test
    void readCloudAccount_whenDisconnected_isTerminalFailureWithReasonAndStage() throws Exception {
        CloudAccount account = JSON.readValue("""
                {"id": "acc_1", "status": "disconnected", "statusReason": "AccessDenied on sts:AssumeRole",
                 "stage": "verify_role", "progress": 50}""", CloudAccount.class);

        assertEquals(CloudAccountStatus.DISCONNECTED, account.status());
        assertEquals("verify_role", account.stage());
        assertEquals("AccessDenied on sts:AssumeRole", account.statusReason());
        assertTrue(account.isTerminalFailure());
        assertFalse(account.isTerminalSuccess());
    }

    @Test
    void readNetwork_whenAllFields_mapsSubnetsAndZones() throws Exception {
        Network network = JSON.readValue("""
                {"id": "net_1", "name": "prod", "cloudAccountId": "acc_1", "region": "us-east-1",
                 "cidr": "10.0.0.0/16", "availabilityZones": ["us-east-1a", "us-east-1b"], "vpcId": "vpc-0abc",
                 "subnets": [{"availabilityZone": "us-east-1a", "kind": "public", "cidr": "10.0.0.0/20",
                              "subnetId": "subnet-1"},
                             {"availabilityZone": "us-east-1a", "kind": "private", "cidr": "10.0.16.0/20",
                              "subnetId": null}],
                 "orphaned": true, "status": "provisioning", "statusReason": null, "stage": "wait_for_create",
                 "progress": 10, "createdAt": "2030-01-01T10:00:00Z", "updatedAt": "2030-01-01T10:05:00Z",
                 "version": 2}""", Network.class);

        assertEquals(new Network("net_1", "prod", "acc_1", "us-east-1", "10.0.0.0/16",
                List.of("us-east-1a", "us-east-1b"), "vpc-0abc",
                List.of(new Subnet("us-east-1a", SubnetKind.PUBLIC, "10.0.0.0/20", "subnet-1"),
                        new Subnet("us-east-1a", SubnetKind.PRIVATE, "10.0.16.0/20", null)),
                true, NetworkStatus.PROVISIONING, null, "wait_for_create", 10, T1, T2, 2), network);
    }

    @Test
    void readNetwork_whenListsAbsent_yieldsEmptyLists() throws Exception {
        Network network = JSON.readValue("{\"id\": \"net_1\", \"status\": \"pending\"}", Network.class);

        assertEquals(List.of(), network.availabilityZones());
        assertEquals(List.of(), network.subnets());
    }

    @Test
    void readCluster_whenAllFields_mapsNodesAndPolicy() throws Exception {
        Cluster cluster = JSON.readValue("""
                {"id": "cls_1", "name": "prod", "networkId": "net_1",
                 "managementNodes": {"instanceType": "m8g.large", "min": 1, "desired": 2, "max": 3, "diskGiB": 100},
                 "accessPolicy": {"mode": "public", "allowedCidrs": ["203.0.113.0/24"]},
                 "endpoint": "https://ABC.gr7.us-east-1.eks.amazonaws.com", "kubernetesVersion": "1.31",
                 "orphaned": false, "status": "active", %s}""".formatted(LIFECYCLE_TAIL), Cluster.class);

        assertEquals(new Cluster("cls_1", "prod", "net_1", ManagementNodes.defaults(),
                AccessPolicy.publicFrom("203.0.113.0/24"), "https://ABC.gr7.us-east-1.eks.amazonaws.com", "1.31",
                false, ClusterStatus.ACTIVE, null, null, 0, T1, T2, 4), cluster);
        assertTrue(cluster.isTerminalSuccess());
    }

    @Test
    void readCatalog_whenGlue_mapsKindAndConfig() throws Exception {
        Catalog catalog = JSON.readValue("""
                {"id": "cat_1", "name": "glue", "kind": "glue",
                 "config": {"catalogId": "123456789012", "region": "us-east-1"}, "cloudAccountId": null,
                 "status": "active", %s}""".formatted(LIFECYCLE_TAIL), Catalog.class);

        assertEquals(new Catalog("cat_1", "glue", CatalogKind.GLUE, CatalogConfig.glue("123456789012", "us-east-1"),
                null, CatalogStatus.ACTIVE, null, null, 0, T1, T2, 4), catalog);
    }

    @Test
    void readCatalog_whenHiveMetastore_mapsKindInSnakeCase() throws Exception {
        Catalog catalog = JSON.readValue("""
                {"id": "cat_2", "kind": "hive_metastore", "config": {"uri": "thrift://meta:9083"},
                 "status": "destroyed"}""", Catalog.class);

        assertEquals(CatalogKind.HIVE_METASTORE, catalog.kind());
        assertEquals(CatalogConfig.hiveMetastore("thrift://meta:9083"), catalog.config());
        assertTrue(catalog.status().isDestroyed());
    }

    @Test
    void read_whenEnumValuesUnknown_mapsThemToUnknownToSdkVersion() throws Exception {
        Cluster cluster = JSON.readValue("""
                {"id": "cls_1", "status": "hibernating", "accessPolicy": {"mode": "vpn_only"}}""", Cluster.class);
        Network network = JSON.readValue("""
                {"id": "net_1", "status": "resizing", "subnets": [{"kind": "isolated"}]}""", Network.class);
        CloudAccount account = JSON.readValue("{\"id\": \"acc_1\", \"status\": \"suspended\"}", CloudAccount.class);
        Catalog catalog = JSON.readValue("{\"id\": \"cat_1\", \"status\": \"syncing\", \"kind\": \"unity\"}",
                Catalog.class);

        assertEquals(ClusterStatus.UNKNOWN_TO_SDK_VERSION, cluster.status());
        assertEquals(AccessMode.UNKNOWN_TO_SDK_VERSION, cluster.accessPolicy().mode());
        assertEquals(NetworkStatus.UNKNOWN_TO_SDK_VERSION, network.status());
        assertEquals(SubnetKind.UNKNOWN_TO_SDK_VERSION, network.subnets().get(0).kind());
        assertEquals(CloudAccountStatus.UNKNOWN_TO_SDK_VERSION, account.status());
        assertEquals(CatalogStatus.UNKNOWN_TO_SDK_VERSION, catalog.status());
        assertEquals(CatalogKind.UNKNOWN_TO_SDK_VERSION, catalog.kind());
    }

    @Test
    void status_whenUnknownToSdkVersion_isNeitherTerminalSuccessNorFailure() throws Exception {
        Cluster cluster = JSON.readValue("{\"id\": \"cls_1\", \"status\": \"hibernating\"}", Cluster.class);

        assertFalse(cluster.isTerminalSuccess());
        assertFalse(cluster.isTerminalFailure());
    }

    @Test
    void statusValue_whenMultiWord_isLowerSnakeCase() throws Exception {
        assertEquals("\"hive_metastore\"", JSON.writeValueAsString(CatalogKind.HIVE_METASTORE));
        assertEquals("destroying", ClusterStatus.DESTROYING.value());
        assertEquals("disconnected", CloudAccountStatus.DISCONNECTED.value());
    }

    @Test
    void writeCatalogConfig_whenBuiltByFactory_writesOnlyItsKindsFields() throws Exception {
        assertEquals("{\"location\":\"s3://b/p\"}", JSON.writeValueAsString(CatalogConfig.tableLocation("s3://b/p")));
        assertEquals("{\"catalogId\":\"123456789012\",\"region\":\"us-east-1\"}",
                JSON.writeValueAsString(CatalogConfig.glue("123456789012", "us-east-1")));
        assertEquals("{\"uri\":\"thrift://h:9083\"}",
                JSON.writeValueAsString(CatalogConfig.hiveMetastore("thrift://h:9083")));
        assertEquals("{\"region\":\"eu-west-1\"}", JSON.writeValueAsString(CatalogConfig.managed("eu-west-1")));
    }

    @Test
    void writeManagementNodes_whenPartial_leavesUnsetFieldsOut() throws Exception {
        assertEquals("{\"desired\":3}", JSON.writeValueAsString(ManagementNodes.builder().desired(3).build()));
    }

    @Test
    void managementNodesDefaults_whenRead_areTheProductDefaults() {
        assertEquals(new ManagementNodes("m8g.large", 1, 2, 3, 100), ManagementNodes.defaults());
    }

    @Test
    void accessPolicy_whenBuiltByFactories_hasModeAndCidrs() {
        assertEquals(new AccessPolicy(AccessMode.PRIVATE, List.of()), AccessPolicy.privateOnly());
        assertEquals(new AccessPolicy(AccessMode.PUBLIC, List.of("203.0.113.0/24", "198.51.100.7/32")),
                AccessPolicy.publicFrom("203.0.113.0/24", "198.51.100.7/32"));
    }

    @Test
    void accessPolicyPublicFrom_whenNoCidr_throws() {
        assertThrows(IllegalArgumentException.class, AccessPolicy::publicFrom);
    }

    @Test
    void readAccessPolicy_whenCidrsAbsent_yieldsEmptyList() throws Exception {
        AccessPolicy policy = JSON.readValue("{\"mode\": \"private\"}", AccessPolicy.class);

        assertEquals(List.of(), policy.allowedCidrs());
    }

    @Test
    void createNetworkRequest_whenZonesNotGiven_keepsThemNullForTheServiceDefault() {
        assertNull(CreateNetworkRequest.builder().name("n").build().availabilityZones());
        assertEquals(List.of("us-east-1a"), CreateNetworkRequest.builder().availabilityZones("us-east-1a").build()
                .availabilityZones());
    }

    @Test
    void toBuilder_whenRebuilt_equalsTheOriginal() {
        Cluster cluster = Cluster.builder().id("cls_1").name("prod").networkId("net_1")
                .managementNodes(ManagementNodes.defaults()).accessPolicy(AccessPolicy.privateOnly())
                .status(ClusterStatus.UPDATING).stage("update_stack").progress(5).version(9).build();

        assertEquals(cluster, cluster.toBuilder().build());
        assertEquals(12, cluster.toBuilder().version(12).build().version());
    }
}
