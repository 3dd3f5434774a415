package com.lakesail.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Stage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxFaultsTest {

    @Test
    void parse_whenSeveralEntries_readsEach() {
        SandboxFaults faults = SandboxFaults.parse("cluster:prod:create_stack, network:*:wait_for_delete,,cloud_account:111122223333:verify_role");

        assertEquals(List.of(new SandboxFaults.Fault(InfraKind.CLUSTER, "prod", Stage.CREATE_STACK),
                new SandboxFaults.Fault(InfraKind.NETWORK, "*", Stage.WAIT_FOR_DELETE),
                new SandboxFaults.Fault(InfraKind.CLOUD_ACCOUNT, "111122223333", Stage.VERIFY_ROLE)), faults.faults());
    }

    @Test
    void at_whenNameOrWildcardMatches_findsFault() {
        SandboxFaults faults = SandboxFaults.parse("cluster:prod:create_stack,network:*:wait_for_delete");

        assertTrue(faults.at(InfraKind.CLUSTER, "prod", Stage.CREATE_STACK).isPresent());
        assertEquals(Optional.empty(), faults.at(InfraKind.CLUSTER, "dev", Stage.CREATE_STACK));
        assertEquals(Optional.empty(), faults.at(InfraKind.CLUSTER, "prod", Stage.WAIT_FOR_CREATE));
        assertEquals(Optional.empty(), faults.at(InfraKind.CATALOG, "prod", Stage.CREATE_STACK));
        assertEquals(Optional.of(new SandboxFaults.Fault(InfraKind.NETWORK, "anything", Stage.WAIT_FOR_DELETE)),
                faults.at(InfraKind.NETWORK, "anything", Stage.WAIT_FOR_DELETE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster:prod", "cluster::create_stack", "vm:prod:create_stack", "cluster:prod:explode",
            "CLUSTER:prod:create_stack", "cluster:prod:create_stack:extra"})
    void parse_whenMalformed_throwsNamingTheEntry(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SandboxFaults.parse(spec));
        assertTrue(e.getMessage().contains(spec), e.getMessage());
    }

    @Test
    void parse_whenNullOrBlank_hasNoFaults() {
        assertEquals(List.of(), SandboxFaults.parse(null).faults());
        assertEquals(List.of(), SandboxFaults.parse("  ").faults());
    }

    @Test
    void fromEnvironment_whenPropertySet_readsIt() {
        System.setProperty(SandboxFaults.PROPERTY, "catalog:lake:wait_for_create");
        try {
            assertEquals(List.of(new SandboxFaults.Fault(InfraKind.CATALOG, "lake", Stage.WAIT_FOR_CREATE)),
                    SandboxFaults.fromEnvironment().faults());
        } finally {
            System.clearProperty(SandboxFaults.PROPERTY);
        }
    }

    @Test
    void reason_whenFault_namesKindResourceAndStage() {
        assertEquals("injected fault: cluster prod fails at bootstrap_kubernetes",
                new SandboxFaults.Fault(InfraKind.CLUSTER, "prod", Stage.BOOTSTRAP_KUBERNETES).reason());
    }
}
