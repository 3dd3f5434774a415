package com.lakesail.backend.domain.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.Lifecycle;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transitions of DESIGN §1, spelled out edge by edge so a change to a lifecycle is a visible change here. */
class InfraLifecyclesTest {

    @Test
    void cloudAccount_whenDrawn_allowsVerifyAndReverifyPaths() {
        Lifecycle<CloudAccountStatus> l = CloudAccountStatus.LIFECYCLE;
        assertEquals(Set.of(CloudAccountStatus.VERIFYING), l.next(CloudAccountStatus.PENDING));
        assertEquals(EnumSet.of(CloudAccountStatus.ACTIVE, CloudAccountStatus.FAILED, CloudAccountStatus.DISCONNECTED),
                l.next(CloudAccountStatus.VERIFYING));
        assertEquals(Set.of(CloudAccountStatus.VERIFYING), l.next(CloudAccountStatus.ACTIVE));
        assertEquals(Set.of(CloudAccountStatus.VERIFYING), l.next(CloudAccountStatus.FAILED));
        assertEquals(Set.of(CloudAccountStatus.VERIFYING), l.next(CloudAccountStatus.DISCONNECTED));
    }

    @Test
    void network_whenDrawn_provisionsAndDestroysOnly() {
        Lifecycle<NetworkStatus> l = NetworkStatus.LIFECYCLE;
        assertEquals(EnumSet.of(NetworkStatus.PROVISIONING, NetworkStatus.FAILED), l.next(NetworkStatus.PENDING));
        assertEquals(EnumSet.of(NetworkStatus.ACTIVE, NetworkStatus.FAILED), l.next(NetworkStatus.PROVISIONING));
        assertEquals(Set.of(NetworkStatus.DESTROYING), l.next(NetworkStatus.ACTIVE));
        assertEquals(Set.of(NetworkStatus.DESTROYING), l.next(NetworkStatus.FAILED));
        assertEquals(EnumSet.of(NetworkStatus.DESTROYED, NetworkStatus.FAILED), l.next(NetworkStatus.DESTROYING));
        assertTrue(l.isTerminal(NetworkStatus.DESTROYED));
        assertFalse(NetworkStatus.DESTROYED.live());
        assertTrue(NetworkStatus.FAILED.live());
    }

    @Test
    void cluster_whenDrawn_updatesInPlaceAndDestroys() {
        Lifecycle<ClusterStatus> l = ClusterStatus.LIFECYCLE;
        assertEquals(EnumSet.of(ClusterStatus.PROVISIONING, ClusterStatus.FAILED), l.next(ClusterStatus.PENDING));
        assertEquals(EnumSet.of(ClusterStatus.ACTIVE, ClusterStatus.FAILED), l.next(ClusterStatus.PROVISIONING));
        assertEquals(EnumSet.of(ClusterStatus.UPDATING, ClusterStatus.DESTROYING), l.next(ClusterStatus.ACTIVE));
        assertEquals(EnumSet.of(ClusterStatus.ACTIVE, ClusterStatus.FAILED), l.next(ClusterStatus.UPDATING));
        assertEquals(Set.of(ClusterStatus.DESTROYING), l.next(ClusterStatus.FAILED));
        assertEquals(EnumSet.of(ClusterStatus.DESTROYED, ClusterStatus.FAILED), l.next(ClusterStatus.DESTROYING));
        assertTrue(l.isTerminal(ClusterStatus.DESTROYED));
        assertFalse(l.allows(ClusterStatus.UPDATING, ClusterStatus.DESTROYING));
    }

    @Test
    void catalog_whenProvisioned_hasFullLifecycle() {
        Lifecycle<CatalogStatus> l = CatalogStatus.lifecycle(CatalogKind.MANAGED);
        assertEquals(EnumSet.of(CatalogStatus.PROVISIONING, CatalogStatus.FAILED), l.next(CatalogStatus.PENDING));
        assertEquals(EnumSet.of(CatalogStatus.ACTIVE, CatalogStatus.FAILED), l.next(CatalogStatus.PROVISIONING));
        assertEquals(Set.of(CatalogStatus.DESTROYING), l.next(CatalogStatus.ACTIVE));
        assertEquals(EnumSet.of(CatalogStatus.DESTROYED, CatalogStatus.FAILED), l.next(CatalogStatus.DESTROYING));
        assertEquals(CatalogStatus.PENDING, CatalogStatus.initial(CatalogKind.MANAGED));
    }

    @Test
    void catalog_whenBringYourOwn_isActiveAtOnceAndOnlyDeleted() {
        for (CatalogKind kind : EnumSet.complementOf(EnumSet.of(CatalogKind.MANAGED))) {
            Lifecycle<CatalogStatus> l = CatalogStatus.lifecycle(kind);
            assertEquals(CatalogStatus.ACTIVE, CatalogStatus.initial(kind));
            assertEquals(Set.of(CatalogStatus.DESTROYED), l.next(CatalogStatus.ACTIVE));
            assertFalse(l.allows(CatalogStatus.ACTIVE, CatalogStatus.DESTROYING));
        }
    }
}
