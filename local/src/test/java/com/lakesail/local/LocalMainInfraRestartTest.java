package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.HttpApi.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: kill -9 the local backend while a cluster is being provisioned, start it again on
 * the same data directory, and the persisted workflow resumes and brings the cluster to
 * {@code active}. The child runs the sandbox four times as fast (a 5 s cluster) on the real clock,
 * so the test waits by polling the API, as any client would.
 */
class LocalMainInfraRestartTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDirectory;

    @Test
    void restart_whenKilledMidProvisioning_resumesTheWorkflowToActive() throws Exception {
        String token;
        String org;
        String clusterId;
        ChildBackend first = ChildBackend.start(dataDirectory, "--sandbox-speed", "4");
        try {
            HttpApi api = new HttpApi(first.endpoint());
            JsonNode connection = HttpApi.JSON.readTree(dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE).toFile());
            token = connection.path("token").asText();
            org = connection.path("organizationId").asText();
            Response account = api.post(InfraSteps.path(org, "/cloud-accounts"), token,
                    "{\"name\":\"aws\",\"awsAccountId\":\"" + InfraSteps.AWS_ACCOUNT + "\"}");
            String accountId = account.json().path("id").asText();
            api.send("PUT", InfraSteps.path(org, "/cloud-accounts/" + accountId + "/role"), token,
                    "{\"roleArn\":\"" + InfraSteps.roleArn(InfraSteps.AWS_ACCOUNT, accountId) + "\"}");
            await(api, token, org, "/cloud-accounts/" + accountId, r -> r.path("status").asText().equals("active"));
            Response network = api.post(InfraSteps.path(org, "/networks"), token, "{\"name\":\"n\",\"cloudAccountId\":\""
                    + accountId + "\",\"region\":\"eu-west-1\",\"cidr\":\"10.0.0.0/16\"}");
            String networkId = network.json().path("id").asText();
            await(api, token, org, "/networks/" + networkId, r -> r.path("status").asText().equals("active"));
            Response cluster = api.post(InfraSteps.path(org, "/clusters"), token, "{\"name\":\"c\",\"networkId\":\"" + networkId + "\"}");
            assertEquals(201, cluster.status(), cluster.toString());
            clusterId = cluster.json().path("id").asText();
            JsonNode midway = await(api, token, org, "/clusters/" + clusterId,
                    r -> r.path("stage").asText().equals("wait_for_create"));
            assertEquals("provisioning", midway.path("status").asText());
        } finally {
            first.kill();
        }
        assertEquals(137, first.exitCode(), "the child died of SIGKILL");

        ChildBackend second = ChildBackend.start(dataDirectory, "--sandbox-speed", "4");
        try {
            HttpApi api = new HttpApi(second.endpoint());
            JsonNode done = await(api, token, org, "/clusters/" + clusterId, r -> !r.path("status").asText().equals("provisioning"));
            assertEquals("active", done.path("status").asText(), done.toString());
            assertTrue(done.path("endpoint").asText().endsWith(".eks.amazonaws.com"), done.toString());
        } finally {
            second.kill();
        }
    }

    /** Polls a resource until {@code until} holds, for at most {@link #TIMEOUT}. */
    private static JsonNode await(HttpApi api, String token, String org, String rest, Predicate<JsonNode> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Response response = api.get(InfraSteps.path(org, rest), token);
            assertEquals(200, response.status(), response.toString());
            last = response.json();
            if (until.test(last)) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(rest + " did not get there within " + TIMEOUT + "; last: " + last);
    }
}
