package com.lakesail.backend.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogDefinition;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterDefinition;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkDefinition;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.domain.infra.Subnet;
import com.lakesail.backend.domain.infra.SubnetTier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfraStacksTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final AccountAccess ACCESS = new AccountAccess("111122223333",
            "arn:aws:iam::111122223333:role/lakesail-access", "ext-1");
    /** CloudFormation's ClientRequestToken and stack name grammars. */
    private static final Pattern TOKEN = Pattern.compile("^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$");
    private static final Pattern STACK_NAME = Pattern.compile("^[a-zA-Z][-a-zA-Z0-9]{0,127}$");

    private static Network network() {
        return Network.create("net_abc234", "org_1", NetworkDefinition.validate("prod", "cac_1", "eu-west-1",
                "10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")), T0);
    }

    @Test
    void stackNameAndToken_whenResourceId_matchCloudFormationGrammar() {
        String id = "clu_" + "a2".repeat(13);

        assertEquals("lakesail-clu-" + "a2".repeat(13), InfraStacks.stackName(id));
        assertTrue(STACK_NAME.matcher(InfraStacks.stackName(id)).matches());
        String token = InfraStacks.token(id, Stage.CREATE_STACK, 7);
        assertEquals("lakesail-clu-" + "a2".repeat(13) + "-create-stack-7", token);
        assertTrue(TOKEN.matcher(token).matches());
    }

    @Test
    void network_whenThreeZones_passesPlannedCidrsInZoneOrder() {
        StackRequest r = InfraStacks.network(ACCESS, network(), "tok-1");

        assertEquals(StackTemplate.NETWORK, r.template());
        assertEquals(new StackRef(ACCESS, "eu-west-1", "lakesail-net-abc234"), r.ref());
        assertEquals("10.0.0.0/16", r.parameters().get(InfraStacks.VPC_CIDR));
        assertEquals("3", r.parameters().get(InfraStacks.ZONE_COUNT));
        assertEquals("eu-west-1a,eu-west-1b,eu-west-1c", r.parameters().get(InfraStacks.AVAILABILITY_ZONES));
        assertEquals("10.0.0.0/19,10.0.32.0/19,10.0.64.0/19", r.parameters().get(InfraStacks.PRIVATE_SUBNET_CIDRS));
        assertEquals("10.0.128.0/19,10.0.160.0/19,10.0.192.0/19", r.parameters().get(InfraStacks.PUBLIC_SUBNET_CIDRS));
        assertEquals("network", r.tags().get(InfraStacks.TAG_KIND));
        assertEquals("prod", r.tags().get(InfraStacks.TAG_NAME));
        assertEquals("tok-1", r.clientRequestToken());
    }

    @Test
    void subnetIds_whenStackComplete_mapsOutputsToPlannedCidrs() {
        Network n = network();
        Map<String, String> outputs = Map.of("VpcId", "vpc-1",
                "PrivateSubnet1Id", "subnet-p1", "PrivateSubnet2Id", "subnet-p2", "PrivateSubnet3Id", "subnet-p3",
                "PublicSubnet1Id", "subnet-u1", "PublicSubnet2Id", "subnet-u2", "PublicSubnet3Id", "subnet-u3");

        Map<String, String> ids = InfraStacks.subnetIds(n, outputs);

        assertEquals("subnet-p2", ids.get("10.0.32.0/19"));
        assertEquals("subnet-u3", ids.get("10.0.192.0/19"));
        assertEquals(6, ids.size());
        Network active = n.moveTo(NetworkStatus.PROVISIONING, Stage.CREATE_STACK, null, T0)
                .provisioned("vpc-1", ids, T0);
        assertEquals("subnet-u1", active.subnets().stream().filter(s -> s.tier() == SubnetTier.PUBLIC).findFirst()
                .map(Subnet::subnetId).orElseThrow());
    }

    @Test
    void cluster_whenPublic_passesNodesAccessAndPrivateSubnets() {
        Network n = network();
        Network active = n.moveTo(NetworkStatus.PROVISIONING, Stage.CREATE_STACK, null, T0)
                .provisioned("vpc-9", Map.of("10.0.0.0/19", "subnet-a", "10.0.32.0/19", "subnet-b",
                        "10.0.64.0/19", "subnet-c", "10.0.128.0/19", "subnet-d", "10.0.160.0/19", "subnet-e",
                        "10.0.192.0/19", "subnet-f"), T0);
        Cluster c = Cluster.create("clu_x", "org_1", ClusterDefinition.validate("prod", n.id(),
                ManagementNodes.DEFAULT.merge(null, 2, 3, 4, 200), "public", List.of("203.0.113.0/24", "198.51.100.0/24")), T0);

        StackRequest r = InfraStacks.cluster(ACCESS, active, c, "tok");

        assertEquals(StackTemplate.CLUSTER, r.template());
        assertEquals("lakesail-clu-x", r.parameters().get(InfraStacks.CLUSTER_NAME));
        assertEquals("vpc-9", r.parameters().get(InfraStacks.VPC_ID));
        assertEquals("subnet-a,subnet-b,subnet-c", r.parameters().get(InfraStacks.SUBNET_IDS));
        assertEquals("m8g.large", r.parameters().get(InfraStacks.NODE_INSTANCE_TYPE));
        assertEquals("AL2023_ARM_64_STANDARD", r.parameters().get(InfraStacks.NODE_AMI_TYPE));
        assertEquals(List.of("2", "3", "4", "200"), List.of(r.parameters().get(InfraStacks.NODE_MIN),
                r.parameters().get(InfraStacks.NODE_DESIRED), r.parameters().get(InfraStacks.NODE_MAX),
                r.parameters().get(InfraStacks.NODE_DISK_GIB)));
        assertEquals("true", r.parameters().get(InfraStacks.ENDPOINT_PUBLIC));
        assertEquals("203.0.113.0/24,198.51.100.0/24", r.parameters().get(InfraStacks.PUBLIC_ACCESS_CIDRS));
        assertEquals("eu-west-1", r.ref().region());
    }

    @ParameterizedTest
    @CsvSource({"m8g.large, AL2023_ARM_64_STANDARD", "c7gn.16xlarge, AL2023_ARM_64_STANDARD", "r6gd.metal, AL2023_ARM_64_STANDARD",
            "t4g.nano, AL2023_ARM_64_STANDARD", "m7i.large, AL2023_x86_64_STANDARD", "g5.xlarge, AL2023_x86_64_STANDARD",
            "c5n.large, AL2023_x86_64_STANDARD"})
    void amiType_whenInstanceFamily_matchesArchitecture(String instanceType, String amiType) {
        assertEquals(amiType, InfraStacks.amiType(instanceType));
    }

    @Test
    void catalog_whenManaged_namesAValidGlobalBucket() {
        Catalog c = Catalog.create("cat_" + "z7".repeat(13), "org_1",
                CatalogDefinition.validate("m", "managed", Map.of("region", "us-east-2"), "cac_1"), T0);

        StackRequest r = InfraStacks.catalog(ACCESS, c, "tok");

        String bucket = r.parameters().get(InfraStacks.BUCKET_NAME);
        assertEquals("lakesail-cat-" + "z7".repeat(13) + "-111122223333", bucket);
        assertTrue(bucket.length() <= 63 && bucket.matches("[a-z0-9][a-z0-9-]*[a-z0-9]"), bucket);
        assertEquals("lakesail_cat_" + "z7".repeat(13), r.parameters().get(InfraStacks.DATABASE_NAME));
        assertEquals("us-east-2", r.ref().region());
    }

    @Test
    void cluster_whenNetworkNotProvisioned_throwsIllegalState() {
        Cluster c = Cluster.create("clu_x", "org_1", ClusterDefinition.validate("prod", "net_abc234", ManagementNodes.DEFAULT,
                null, null), T0);

        assertThrows(IllegalStateException.class, () -> InfraStacks.cluster(ACCESS, network(), c, "tok"));
    }

    @Test
    void catalog_whenBringYourOwn_throwsIllegalArgument() {
        Catalog c = Catalog.create("cat_1", "org_1", CatalogDefinition.validate("l", "delta", Map.of("location", "s3://abc"), null), T0);
        assertThrows(IllegalArgumentException.class, () -> InfraStacks.catalog(ACCESS, c, "tok"));
    }

    @Test
    void tags_whenNameHasForbiddenCharacters_replacesThem() {
        Map<String, String> tags = InfraStacks.tags("org_1", "net_1", InfraKind.NETWORK, "prod (eu) #1 ünïcode");

        assertEquals("prod _eu_ _1 ünïcode", tags.get(InfraStacks.TAG_NAME));
        assertEquals("x".repeat(256), InfraStacks.tagValue("x".repeat(300)));
    }
}
