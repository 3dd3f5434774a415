package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxFaults;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults planted in the sandbox at a named stage end as {@code failed}, with that stage and the reason. */
class LocalBackendInfraFaultsTest {
    private static final String BAD_ACCOUNT = "210987654321";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LocalBackend backend;
    private InfraSteps steps;
    private Account owner;
    private String org;

    @BeforeEach
    void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0)
                .sandboxFaults(SandboxFaults.parse("cluster:doomed:wait_for_create,cluster:headless:bootstrap_kubernetes,"
                        + "network:broken:create_stack,cloud_account:" + BAD_ACCOUNT + ":verify_role,"
                        + "cloud_account:lakesail-revoked:verify_role"))
                .start();
        steps = new InfraSteps(backend, clock);
        owner = steps.api().signup();
        org = owner.organizationId();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void cluster_whenItsStackFailsWhileCreating_isFailedAtWaitForCreate() {
        String networkId = steps.activeNetwork(owner.token(), org, steps.activeAccount(owner.token(), org, "aws"), "n", "10.0.0.0/16");
        JsonNode c = failedCluster(networkId, "doomed");
        assertEquals("wait_for_create", c.path("stage").asText(), c.toString());
        assertEquals("injected fault: cluster doomed fails at wait_for_create", c.path("statusReason").asText());
    }

    @Test
    void cluster_whenKubernetesBootstrapFails_isFailedAtBootstrapWithTheEndpointKnown() {
        String networkId = steps.activeNetwork(owner.token(), org, steps.activeAccount(owner.token(), org, "aws"), "n", "10.0.0.0/16");
        JsonNode c = failedCluster(networkId, "headless");
        assertEquals("bootstrap_kubernetes", c.path("stage").asText(), c.toString());
        assertEquals(90, c.path("progress").asInt(), "a failure keeps the progress it reached");
        assertEquals("injected fault: cluster headless fails at bootstrap_kubernetes", c.path("statusReason").asText());
    }

    @Test
    void network_whenCreatingItsStackFails_isFailedAtCreateStack() {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        Response created = steps.createNetwork(owner.token(), org, accountId, "broken", "10.0.0.0/16");
        steps.settle();
        JsonNode n = steps.get(owner.token(), org, "/networks/" + created.json().path("id").asText());
        assertEquals("failed", n.path("status").asText(), n.toString());
        assertEquals("create_stack", n.path("stage").asText());
        assertEquals("injected fault: network broken fails at create_stack", n.path("statusReason").asText());
    }

    @Test
    void cloudAccount_whenTheRoleCannotBeAssumed_isFailedWithTheReason() {
        Response created = steps.createAccount(owner.token(), org, "bad", BAD_ACCOUNT);
        String id = created.json().path("id").asText();
        assertEquals(200, steps.putRole(owner.token(), org, id, InfraSteps.roleArn(BAD_ACCOUNT, id)).status());
        steps.settle();
        JsonNode a = steps.get(owner.token(), org, "/cloud-accounts/" + id);
        assertEquals("failed", a.path("status").asText(), a.toString());
        assertEquals("verify_role", a.path("stage").asText());
        assertEquals("injected fault: cloud_account " + BAD_ACCOUNT + " fails at verify_role", a.path("statusReason").asText());
        HttpApi.assertError(steps.createNetwork(owner.token(), org, id, "n", "10.0.0.0/16"), 409, "Conflict");
    }

    @Test
    void cloudAccount_whenAnActiveAccountFailsReverification_isDisconnectedAndOrphansItsResourcesUntilRepaired() {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        String networkId = steps.activeNetwork(owner.token(), org, accountId, "n", "10.0.0.0/16");
        String clusterId = steps.activeCluster(owner.token(), org, networkId, "c");

        Response revoked = steps.putRole(owner.token(), org, accountId,
                "arn:aws:iam::" + InfraSteps.AWS_ACCOUNT + ":role/lakesail-revoked");
        assertEquals(200, revoked.status(), revoked.toString());
        steps.settle();
        JsonNode a = steps.get(owner.token(), org, "/cloud-accounts/" + accountId);
        assertEquals("disconnected", a.path("status").asText(), a.toString());
        assertEquals(true, steps.get(owner.token(), org, "/networks/" + networkId).path("orphaned").asBoolean());
        assertEquals(true, steps.get(owner.token(), org, "/clusters/" + clusterId).path("orphaned").asBoolean());
        HttpApi.assertError(steps.createCluster(owner.token(), org, networkId, "while-orphaned"), 409, "Conflict");

        assertEquals(200, steps.putRole(owner.token(), org, accountId, InfraSteps.roleArn(InfraSteps.AWS_ACCOUNT, accountId)).status());
        steps.settle();
        assertEquals("active", steps.get(owner.token(), org, "/cloud-accounts/" + accountId).path("status").asText());
        assertEquals(false, steps.get(owner.token(), org, "/networks/" + networkId).path("orphaned").asBoolean());
        assertEquals(false, steps.get(owner.token(), org, "/clusters/" + clusterId).path("orphaned").asBoolean());
    }

    private JsonNode failedCluster(String networkId, String name) {
        Response created = steps.createCluster(owner.token(), org, networkId, name);
        assertEquals(201, created.status(), created.toString());
        steps.settle();
        JsonNode c = steps.get(owner.token(), org, "/clusters/" + created.json().path("id").asText());
        assertEquals("failed", c.path("status").asText(), c.toString());
        return c;
    }
}
