package com.lakesail.backend.domain.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InfraRecordsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static CloudAccount account() {
        return CloudAccount.create("cac_1", "org_1", "main", "111122223333", "ext-1", T0);
    }

    @Test
    void cloudAccount_whenVerified_isActiveWithVerifiedAt() {
        CloudAccount a = account().startVerification("arn:aws:iam::111122223333:role/lakesail-access", T0).verified(T1);

        assertEquals(CloudAccountStatus.ACTIVE, a.status());
        assertEquals(T1, a.verifiedAt());
        assertEquals(100, a.progress());
        assertNull(a.stage());
        assertEquals(3, a.version());
    }

    @Test
    void verificationFailed_whenNeverVerified_isFailedAtVerifyRole() {
        CloudAccount a = account().startVerification("arn:aws:iam::111122223333:role/lakesail-access", T0)
                .verificationFailed("AccessDenied", T1);

        assertEquals(CloudAccountStatus.FAILED, a.status());
        assertEquals(Stage.VERIFY_ROLE, a.stage());
        assertEquals("AccessDenied", a.statusReason());
    }

    @Test
    void verificationFailed_whenPreviouslyActive_isDisconnectedAndOrphansResources() {
        CloudAccount a = account().startVerification("arn:aws:iam::111122223333:role/lakesail-access", T0).verified(T0)
                .startVerification("arn:aws:iam::111122223333:role/lakesail-access", T1).verificationFailed("role deleted", T1);

        assertEquals(CloudAccountStatus.DISCONNECTED, a.status());
        assertTrue(a.orphansResources());
        assertEquals(CloudAccountStatus.ACTIVE, a.startVerification(a.roleArn(), T1).verified(T1).status());
    }

    @Test
    void verified_whenPending_throwsConflict() {
        assertThrows(ConflictException.class, () -> account().verified(T1));
    }

    @Test
    void validateRole_whenArnInAnotherAccount_namesRoleArn() {
        FieldErrors.assertOnly(FieldErrors.of(() -> account().validateRole("arn:aws:iam::999988887777:role/lakesail-a")), "roleArn");
        FieldErrors.assertOnly(FieldErrors.of(() -> CloudAccount.validateCreate("main", "12")), "awsAccountId");
    }

    @Test
    void network_whenProvisioned_recordsIdsOfEveryPlannedSubnet() {
        Network n = Network.create("net_1", "org_1",
                NetworkDefinition.validate("prod", "cac_1", "eu-west-1", "10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b")), T0);
        Map<String, String> ids = n.subnets().stream().collect(Collectors.toMap(Subnet::cidr, s -> "subnet-" + s.cidr().hashCode()));

        Network active = n.moveTo(NetworkStatus.PROVISIONING, Stage.CREATE_STACK, null, T0)
                .moveTo(NetworkStatus.PROVISIONING, Stage.WAIT_FOR_CREATE, null, T0)
                .provisioned("vpc-0abc", ids, T1);

        assertEquals(NetworkStatus.ACTIVE, active.status());
        assertEquals("vpc-0abc", active.vpcId());
        assertEquals(100, active.progress());
        assertTrue(active.subnets().stream().allMatch(s -> s.subnetId().equals(ids.get(s.cidr()))));
        assertThrows(IllegalArgumentException.class, () -> n.moveTo(NetworkStatus.PROVISIONING, Stage.CREATE_STACK, null, T0)
                .provisioned("vpc-0abc", Map.of(), T1));
    }

    @Test
    void network_whenFailedWithoutNextStage_keepsStageAndProgress() {
        Network n = Network.create("net_1", "org_1",
                NetworkDefinition.validate("prod", "cac_1", "eu-west-1", "10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b")), T0)
                .moveTo(NetworkStatus.PROVISIONING, Stage.WAIT_FOR_CREATE, null, T0);

        Network failed = n.moveTo(NetworkStatus.FAILED, null, "VPC limit exceeded", T1);

        assertEquals(Stage.WAIT_FOR_CREATE, failed.stage());
        assertEquals(Stage.WAIT_FOR_CREATE.progress(), failed.progress());
        assertEquals("VPC limit exceeded", failed.statusReason());
        assertThrows(ConflictException.class, () -> failed.moveTo(NetworkStatus.ACTIVE, null, null, T1));
    }

    @Test
    void cluster_whenUpdated_storesNewSpecAndGoesUpdating() {
        Cluster c = Cluster.create("clu_1", "org_1", ClusterDefinition.validate("prod", "net_1", ManagementNodes.DEFAULT, null, null), T0)
                .moveTo(ClusterStatus.PROVISIONING, Stage.CREATE_STACK, null, T0)
                .moveTo(ClusterStatus.ACTIVE, null, null, T0);
        ManagementNodes bigger = ManagementNodes.DEFAULT.merge(null, 2, 4, 6, null);

        Cluster updating = c.update(bigger, AccessPolicy.privateOnly(), T1);

        assertEquals(ClusterStatus.UPDATING, updating.status());
        assertEquals(bigger, updating.managementNodes());
        assertEquals(Stage.UPDATE_STACK, updating.stage());
        assertEquals(ClusterStatus.ACTIVE, updating.moveTo(ClusterStatus.ACTIVE, null, null, T1).status());
        assertThrows(ConflictException.class, () -> updating.update(bigger, AccessPolicy.privateOnly(), T1));
    }

    @Test
    void catalog_whenBringYourOwn_isActiveAndDeletesStraightToDestroyed() {
        Catalog c = Catalog.create("cat_1", "org_1", CatalogDefinition.validate("lake", "iceberg", Map.of("location", "s3://abc"), null), T0);

        assertEquals(CatalogStatus.ACTIVE, c.status());
        assertEquals(100, c.progress());
        assertEquals(CatalogStatus.DESTROYED, c.moveTo(CatalogStatus.DESTROYED, null, null, T1).status());
        assertThrows(ConflictException.class, () -> c.moveTo(CatalogStatus.DESTROYING, Stage.DELETE_STACK, null, T1));
    }

    @Test
    void catalog_whenManagedProvisioned_recordsWarehouse() {
        Catalog c = Catalog.create("cat_1", "org_1",
                CatalogDefinition.validate("m", "managed", Map.of("region", "eu-west-1"), "cac_1"), T0);

        Catalog active = c.moveTo(CatalogStatus.PROVISIONING, Stage.CREATE_STACK, null, T0).provisioned("s3://lakesail-cat-1/", T1);

        assertEquals(CatalogStatus.PENDING, c.status());
        assertEquals(CatalogStatus.ACTIVE, active.status());
        assertEquals("s3://lakesail-cat-1/", active.warehouse());
    }
}
