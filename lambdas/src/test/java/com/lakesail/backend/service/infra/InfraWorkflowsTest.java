package com.lakesail.backend.service.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkDefinition;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting a lifecycle: a workflow that cannot start must not leave its resource waiting forever. */
class InfraWorkflowsTest {
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InfraRecords records = new InfraRecords(store);

    @Test
    void start_whenStepFunctionsRefuses_marksTheResourceFailedAndRethrows() {
        Network network = Network.create("net_1", "org_1",
                NetworkDefinition.validate("n", "cac_1", "us-east-1", "10.0.0.0/16", List.of("us-east-1a", "us-east-1b")),
                clock.instant());
        store.put(InfraItems.network(network), Condition.notExists());
        InfraWorkflows workflows = new InfraWorkflows(new Refusing(), new InfraWorkflows.Polling(1),
                new ExecutionFailures(records, clock));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> workflows.start(
                InfraWorkflows.NETWORK_PROVISION, "org_1", "networkId", "net_1", "provision", network.version()));

        assertEquals("throttled", thrown.getMessage());
        Network failed = records.network("org_1", "net_1");
        assertEquals(NetworkStatus.FAILED, failed.status());
        assertTrue(failed.statusReason().contains("LakeSail.WorkflowNotStarted: throttled"), failed.statusReason());
    }

    /** Step Functions saying no: throttled, or unreachable. */
    private static final class Refusing implements Workflows {
        @Override
        public String start(String stateMachine, String executionName, String inputJson) {
            throw new IllegalStateException("throttled");
        }

        @Override
        public void sendTaskSuccess(String taskToken, String outputJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendTaskFailure(String taskToken, String error, String cause) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendTaskHeartbeat(String taskToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stop(String executionId, String error, String cause) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Execution> describe(String executionId) {
            return Optional.empty();
        }
    }
}
