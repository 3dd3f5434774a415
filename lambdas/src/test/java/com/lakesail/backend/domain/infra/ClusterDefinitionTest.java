package com.lakesail.backend.domain.infra;

import static com.lakesail.backend.domain.infra.FieldErrors.assertNames;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDefinitionTest {

    @Test
    void validate_whenOnlyNameAndNetwork_usesDefaultsAndPrivateAccess() {
        ClusterDefinition d = ClusterDefinition.validate("prod", "net_1", ManagementNodes.DEFAULT, null, null);

        assertEquals(new ClusterDefinition("prod", "net_1", ManagementNodes.DEFAULT, AccessPolicy.privateOnly()), d);
    }

    @Test
    void validate_whenPublic_keepsAllowlist() {
        ClusterDefinition d = ClusterDefinition.validate("prod", "net_1", ManagementNodes.DEFAULT, "public",
                List.of("203.0.113.0/24"));

        assertEquals(new AccessPolicy(AccessMode.PUBLIC, List.of("203.0.113.0/24")), d.accessPolicy());
    }

    @Test
    void validate_whenCidrsWithoutMode_namesMode() {
        FieldErrors.assertOnly(FieldErrors.of(() -> ClusterDefinition.validate("prod", "net_1", ManagementNodes.DEFAULT,
                null, List.of("203.0.113.0/24"))), "accessPolicy.mode");
    }

    @Test
    void validate_whenEverythingWrong_namesEveryField() {
        var errors = FieldErrors.of(() -> ClusterDefinition.validate("", "", ManagementNodes.DEFAULT.merge("x", 5, 1, 2, 1),
                "public", List.of("bad")));

        assertNames(errors, "name");
        assertNames(errors, "networkId");
        assertNames(errors, "managementNodes.instanceType");
        assertNames(errors, "managementNodes.min");
        assertNames(errors, "managementNodes.desired");
        assertNames(errors, "managementNodes.diskGiB");
        assertNames(errors, "accessPolicy.allowedCidrs[0]");
    }
}
