package com.lakesail.backend.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkDefinition;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.CloudProviderException;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.StackRef;
import com.lakesail.backend.port.StackRequest;
import com.lakesail.backend.port.StackState;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task function's contract with the state machines: which error name each kind of failure becomes. */
class TaskDispatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "org_1";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FailingCloud cloud = new FailingCloud();
    private TaskDispatcher dispatcher;
    private Network network;

    @BeforeEach
    void setUp() {
        Steps steps = new Steps(new InfraRecords(store), clock);
        dispatcher = new TaskDispatcher(new CloudAccountTasks(steps, cloud, new Orphans(store, clock)),
                new NetworkTasks(steps, cloud), new ClusterTasks(steps, cloud, null), new CatalogTasks(steps, cloud),
                new JobRunTasks(steps, null, null, null, null, null, null, null, null, null),
                new SessionTasks(steps, null, null, null, null, null, null, null, null));
        CloudAccount account = CloudAccount.create("cac_1", ORG, "aws", "123456789012", "x".repeat(48), clock.instant())
                .startVerification("arn:aws:iam::123456789012:role/lakesail-cac-1", clock.instant()).verified(clock.instant());
        store.put(InfraItems.cloudAccount(account), Condition.notExists());
        network = Network.create("net_1", ORG, NetworkDefinition.validate("n", "cac_1", "eu-west-1", "10.0.0.0/16",
                List.of("eu-west-1a", "eu-west-1b")), clock.instant());
        store.put(InfraItems.network(network), Condition.notExists());
    }

    @Test
    void dispatch_whenTheCloudIsThrottling_throwsRetryable() {
        cloud.failure = new CloudProviderException("Rate exceeded", true, null);
        assertEquals(RetryableTaskException.class.getName(),
                assertThrows(RetryableTaskException.class, () -> dispatcher.dispatch(payload("network.createStack"))).errorName());
    }

    @Test
    void dispatch_whenTheCloudRefuses_throwsStageFailedWithItsReason() {
        cloud.failure = new CloudProviderException("Template format error", false, null);
        StageFailedException e = assertThrows(StageFailedException.class, () -> dispatcher.dispatch(payload("network.createStack")));
        assertEquals("Template format error", e.getMessage());
    }

    @Test
    void dispatch_whenTheResourceIsGone_throwsResourceGone() {
        store.delete(com.lakesail.backend.store.InfraKeys.network(ORG, "net_1"), Condition.exists());
        assertThrows(ResourceGoneException.class, () -> dispatcher.dispatch(payload("network.createStack")));
    }

    @Test
    void dispatch_whenTheTaskIsUnknown_throwsStageFailed() {
        assertThrows(StageFailedException.class, () -> dispatcher.dispatch(payload("network.explode")));
    }

    @Test
    void fail_whenTheCauseIsALambdaErrorDocument_recordsItsMessageAndKeepsTheStage() {
        cloud.failure = new CloudProviderException("never reached", false, null);
        store.put(InfraItems.network(network.moveTo(NetworkStatus.PROVISIONING, Stage.WAIT_FOR_CREATE, null, clock.instant())),
                Condition.versionIs(1));
        JsonNode payload = payload("network.fail");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload).putObject("error")
                .put("Error", StageFailedException.class.getName())
                .put("Cause", "{\"errorMessage\":\"The VPC limit was exceeded\",\"errorType\":\"x\",\"stackTrace\":[]}");
        dispatcher.dispatch(payload);
        Network failed = new InfraRecords(store).network(ORG, "net_1");
        assertEquals(NetworkStatus.FAILED, failed.status());
        assertEquals(Stage.WAIT_FOR_CREATE, failed.stage());
        assertEquals("The VPC limit was exceeded", failed.statusReason());
    }

    private static JsonNode payload(String task) {
        return JSON.createObjectNode().put("task", task).put("orgId", ORG).put("networkId", "net_1").put("generation", 1);
    }

    /** A cloud whose every call fails with {@link #failure}. */
    private static final class FailingCloud implements CloudProvider {
        RuntimeException failure;

        @Override
        public void verifyRole(AccountAccess access) {
            throw failure;
        }

        @Override
        public String createStack(StackRequest request) {
            throw failure;
        }

        @Override
        public String updateStack(StackRequest request) {
            throw failure;
        }

        @Override
        public void deleteStack(StackRef ref, String clientRequestToken) {
            throw failure;
        }

        @Override
        public Optional<StackState> describeStack(StackRef ref) {
            throw failure;
        }
    }
}
