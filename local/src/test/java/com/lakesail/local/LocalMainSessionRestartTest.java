package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.HttpApi.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: kill -9 the command-line backend while a session is active on the real local engine,
 * start it again on the same data directory, and the session ends with a reason while no process of
 * it is left. Checked from outside: over HTTP, and in the machine's process table.
 */
class LocalMainSessionRestartTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dataDirectory;

    @Test
    void restart_whenKilledWithAnActiveSession_endsItWithAReasonAndLeavesNoProcess() throws Exception {
        String token;
        String org;
        String sessionId;
        ChildBackend first = ChildBackend.start(dataDirectory, "--sandbox-speed", "4");
        try {
            HttpApi api = new HttpApi(first.endpoint());
            JsonNode connection = HttpApi.JSON.readTree(dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE).toFile());
            token = connection.path("token").asText();
            org = connection.path("organizationId").asText();
            String clusterId = activeCluster(api, token, org);
            Response created = api.post(InfraSteps.path(org, "/sessions"), token, "{\"clusterId\":\"" + clusterId + "\"}");
            assertEquals(201, created.status(), created.toString());
            sessionId = created.json().path("id").asText();
            JsonNode active = await(api, token, org, "/sessions/" + sessionId, s -> !s.path("status").asText().equals("pending"));
            assertEquals("active", active.path("status").asText(), active.toString());
            assertEquals(2, processesOf(sessionId).size(), "a Sail and a session server run");
        } finally {
            first.kill();
        }
        assertEquals(137, first.exitCode(), "the child died of SIGKILL");

        ChildBackend second = ChildBackend.start(dataDirectory, "--sandbox-speed", "4");
        try {
            HttpApi api = new HttpApi(second.endpoint());
            JsonNode ended = await(api, token, org, "/sessions/" + sessionId,
                    s -> s.path("status").asText().matches("closed|failed"));
            assertTrue(ended.path("statusReason").asText().contains("killed"), ended.toString());
            assertEquals(List.of(), processesOf(sessionId), "no process of the session is left");
            Response late = api.post(InfraSteps.path(org, "/sessions/" + sessionId + "/statements"), token,
                    "{\"sql\":\"SELECT 1\"}");
            assertEquals(409, late.status(), late.toString());
        } finally {
            second.kill();
        }
    }

    private static String activeCluster(HttpApi api, String token, String org) throws InterruptedException {
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
        String clusterId = cluster.json().path("id").asText();
        await(api, token, org, "/clusters/" + clusterId, r -> r.path("status").asText().equals("active"));
        return clusterId;
    }

    /** The live processes of the session, found by their command line as {@code ps} would show them. */
    private static List<ProcessHandle> processesOf(String sessionId) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("-Dlakesail.child=") && c.contains("." + sessionId + " ")).orElse(false)).toList();
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
            Thread.sleep(200);
        }
        throw new AssertionError(rest + " did not get there within " + TIMEOUT + "; last seen " + last);
    }
}
