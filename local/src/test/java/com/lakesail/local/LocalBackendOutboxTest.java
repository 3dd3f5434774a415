package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.api.ApiRequest;
import com.lakesail.backend.api.ApiResponse;
import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.reconciler.Reconciler;
import com.lakesail.backend.service.job.JobRunLimits;
import com.lakesail.backend.service.job.UnavailableWorkloadRuntime;
import com.lakesail.backend.service.session.SessionLimits;
import com.lakesail.backend.service.session.UnavailableSessionRuntime;
import com.lakesail.backend.store.OutboxItems;
import com.lakesail.backend.testing.FakeWorkflows;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxFaults;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.session.FileTokenSigner;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.trigger.EmbeddedEventBus;
import com.lakesail.local.trigger.LocalScheduler;
import com.lakesail.local.workflow.ManualClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox on the local backend: every lifecycle change leaves an entry beside it until its
 * operation has ended, and a change whose process died before its workflow started is started
 * when the backend comes back, and then reaches its end like any other.
 */
class LocalBackendOutboxTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dataDirectory;

    @Test
    void lifecycleChange_whenCommitted_keepsItsOutboxEntryUntilTheReconcilerSeesTheOperationEnd() {
        try (LocalBackend backend = backend()) {
            InfraSteps steps = new InfraSteps(backend, clock);
            Account owner = steps.api().signup();
            String org = owner.organizationId();
            String accountId = steps.createAccount(owner.token(), org, "aws", InfraSteps.AWS_ACCOUNT).json().path("id").asText();
            Response put = steps.putRole(owner.token(), org, accountId, InfraSteps.roleArn(InfraSteps.AWS_ACCOUNT, accountId));
            String execution = accountId + "-verify-" + put.json().path("version").asLong();

            OutboxItems.Entry entry = entry(backend, org, execution).orElseThrow();
            assertEquals("CloudAccountVerify", entry.stateMachine());
            assertNotNull(entry.executionId(), "the API started it and settled the entry");
            steps.settle();
            assertEquals("active", steps.get(owner.token(), org, "/cloud-accounts/" + accountId).path("status").asText());
            assertTrue(entry(backend, org, execution).isPresent(), "kept until a reconciler has seen the end");

            clock.advance(Duration.ofSeconds(10));
            Reconciler.Pass pass = backend.reconcile();

            assertEquals(1, pass.settled(), pass.toString());
            assertTrue(entry(backend, org, execution).isEmpty());
        }
    }

    @Test
    void restart_whenTheProcessDiedBetweenACreatesCommitAndItsWorkflowStart_startsItAndTheClusterBecomesActive() {
        String token;
        String org;
        String networkId;
        try (LocalBackend backend = backend()) {
            InfraSteps steps = new InfraSteps(backend, clock);
            Account owner = steps.api().signup();
            token = owner.token();
            org = owner.organizationId();
            String accountId = steps.activeAccount(token, org, "aws");
            networkId = steps.activeNetwork(token, org, accountId, "net", "10.0.0.0/16");
        }

        // The same graph over the same file, but its process dies right after the commit: the
        // workflow is never started.
        String clusterId;
        try (SqliteStore store = SqliteStore.open(dataDirectory.resolve(LocalBackend.DATABASE_FILE))) {
            FakeWorkflows dying = new FakeWorkflows(clock);
            dying.refuseStarts(new IllegalStateException("killed"));
            LocalComponent graph = DaggerLocalComponent.builder().store(store).clock(clock).workflows(dying)
                    .sandboxTimings(SandboxTimings.defaults()).sandboxFaults(SandboxFaults.none()).log(JsonLog.off())
                    .workloadRuntime(new UnavailableWorkloadRuntime("not used")).jobRunLimits(JobRunLimits.local())
                    .callbackEndpoint(() -> URI.create("http://127.0.0.1:1")).events(new EmbeddedEventBus())
                    .schedules(new LocalScheduler(store, clock)).sessionRuntime(new UnavailableSessionRuntime("not used"))
                    .tokenSigner(FileTokenSigner.ephemeral()).sessionLimits(SessionLimits.local()).build();
            ApiResponse created = graph.api().handle(new ApiRequest("POST", "/v1/orgs/" + org + "/clusters", Map.of(),
                    Map.of("Authorization", "Bearer " + token), "{\"name\":\"c\",\"networkId\":\"" + networkId + "\"}"));
            assertEquals(201, created.status(), created.body());
            clusterId = HttpApi.JSON.readTree(created.body()).path("id").asText();
            assertNull(entry(store, org, clusterId + "-provision-1").orElseThrow().executionId());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        try (LocalBackend backend = backend()) {
            InfraSteps steps = new InfraSteps(backend, clock);
            Workflows.Execution started = backend.workflows().list("ClusterProvision", null, 10, null).items().stream()
                    .filter(x -> x.name().equals(clusterId + "-provision-1")).findFirst()
                    .orElseThrow(() -> new AssertionError("the start-up pass did not start the provisioning"));
            assertEquals(Workflows.Status.RUNNING, started.status());
            steps.settle();
            JsonNode cluster = steps.get(token, org, "/clusters/" + clusterId);
            assertEquals("active", cluster.path("status").asText(), cluster.toString());
        }
    }

    private LocalBackend backend() {
        return LocalBackend.builder().port(0).dataDirectory(dataDirectory).clock(clock).workflowWorkers(0)
                .sandboxFaults(SandboxFaults.none()).start();
    }

    private static Optional<OutboxItems.Entry> entry(LocalBackend backend, String org, String execution) {
        return backend.store().get(OutboxItems.key(org, execution)).map(OutboxItems::entry);
    }

    private static Optional<OutboxItems.Entry> entry(SqliteStore store, String org, String execution) {
        return store.get(OutboxItems.key(org, execution)).map(OutboxItems::entry);
    }
}
