package com.lakesail.backend.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.domain.infra.AccessMode;
import com.lakesail.backend.domain.infra.AccessPolicy;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.port.SessionSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session's gate is exposed as its cluster's API is (DESIGN §10). */
class SessionTasksExposureTest {
    private static Cluster cluster(AccessPolicy policy) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new Cluster("clu_1", "org_1", "c", "net_1", ManagementNodes.DEFAULT, policy, "https://eks", ClusterStatus.ACTIVE,
                null, null, 100, false, at, at, 1);
    }

    @Test
    void exposure_whenTheClusterIsPublic_opensTheGateToItsAllowedCidrsOnly() {
        assertEquals(new SessionSpec.Exposure(true, List.of("203.0.113.0/24")),
                SessionTasks.exposure(cluster(new AccessPolicy(AccessMode.PUBLIC, List.of("203.0.113.0/24")))));
    }

    @Test
    void exposure_whenTheClusterIsPrivateOrHasNoPolicy_keepsTheGateInsideTheNetwork() {
        assertEquals(SessionSpec.Exposure.privateOnly(), SessionTasks.exposure(cluster(AccessPolicy.privateOnly())));
        assertEquals(SessionSpec.Exposure.privateOnly(), SessionTasks.exposure(cluster(null)));
    }
}
