package com.lakesail.backend.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.agent.protocol.AgentCommand;
import com.lakesail.backend.agent.protocol.AgentProtocol;
import com.lakesail.backend.kubernetes.FabricWorkloads;
import com.lakesail.backend.kubernetes.Images;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's edge: every command gets one reply, whatever went wrong, and one log line without secrets. */
class AgentDispatcherTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private AgentDispatcher dispatcher(FabricWorkloads workloads) {
        return new AgentDispatcher(() -> workloads, Clock.systemUTC(), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void handle_whenTheCommandIsMalformed_answersItsErrorWithoutTouchingTheCluster() throws IOException {
        JsonNode reply = reply(dispatcher(null).handle("{\"malformed\":true}".getBytes(StandardCharsets.UTF_8)));

        assertFalse(reply.path("ok").asBoolean());
        assertEquals("MalformedCommand", reply.path("error").path("code").asText());
        assertFalse(reply.path("error").path("retryable").asBoolean());
        assertTrue(reply.path("error").path("message").asText().startsWith("protocol is required"), reply.toString());
        assertEquals(1, reply.path("protocol").asInt());
        assertEquals(List.of(1), AgentProtocol.json().convertValue(reply.path("supportedProtocols"), List.class));
    }

    @Test
    void handle_whenTheAgentIsMisconfigured_answersAnInternalErrorNamingTheSetting() throws IOException {
        AgentDispatcher misconfigured = new AgentDispatcher(() -> {
            throw new IllegalStateException("environment variable SAIL_IMAGE is not set");
        }, Clock.systemUTC(), new PrintStream(log, true, StandardCharsets.UTF_8));

        JsonNode reply = reply(misconfigured.handle(AgentProtocol.encode(new AgentCommand.Bootstrap())));

        assertEquals("InternalError", reply.path("error").path("code").asText());
        assertEquals("the agent failed: environment variable SAIL_IMAGE is not set", reply.path("error").path("message").asText());
    }

    @Test
    void handle_whenACommandCarriesACredential_logsTheCommandAndWorkloadButNotTheCredential() throws IOException {
        FabricWorkloads unreachable = new FabricWorkloads(() -> {
            throw new io.fabric8.kubernetes.client.KubernetesClientException("connect timed out");
        }, new Images("sail", "runner", "aws-cli"));
        AgentCommand.CreateSail command = new AgentCommand.CreateSail(new AgentCommand.WorkloadRef("org_a", "jrn_b"), List.of(),
                Map.of(), new AgentCommand.Compute(new AgentCommand.Size(1, 1), new AgentCommand.Size(1, 1), 1),
                new AgentCommand.Callback(URI.create("https://x.example/v1/callbacks/job-runs/jrn_b"), "lsc_very_secret"), 60);

        JsonNode reply = reply(dispatcher(unreachable).handle(AgentProtocol.encode(command)));

        assertEquals("ClusterUnreachable", reply.path("error").path("code").asText());
        assertTrue(reply.path("error").path("retryable").asBoolean());
        JsonNode line = AgentProtocol.json().readTree(log.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("createSail", line.path("command").asText());
        assertEquals("jrn_b", line.path("workload").asText());
        assertFalse(line.path("ok").asBoolean());
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("lsc_very_secret"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void handle_whenCreateSession_runsItOnTheClusterAndLogsTheSessionWithoutItsCredential() throws IOException {
        FabricWorkloads unreachable = new FabricWorkloads(() -> {
            throw new io.fabric8.kubernetes.client.KubernetesClientException("connect timed out");
        }, new Images("sail", "runner", "aws-cli"));
        AgentCommand.CreateSession command = new AgentCommand.CreateSession(new AgentCommand.WorkloadRef("org_a", "ses_b"), List.of(),
                new AgentCommand.Compute(new AgentCommand.Size(1, 1), new AgentCommand.Size(1, 1), 1),
                new AgentCommand.Callback(URI.create("https://x.example/v1/callbacks/sessions/ses_b"), "lsc_very_secret"),
                new AgentCommand.Gate("https://x.example", "lakesail-session", "ses_b", URI.create("https://x.example/jwks.json")),
                20, null);

        JsonNode reply = reply(dispatcher(unreachable).handle(AgentProtocol.encode(command)));

        assertEquals("ClusterUnreachable", reply.path("error").path("code").asText(), reply.toString());
        assertTrue(reply.path("error").path("retryable").asBoolean());
        assertTrue(reply.path("error").path("message").asText().startsWith("createSession: "), reply.toString());
        JsonNode line = AgentProtocol.json().readTree(log.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("createSession", line.path("command").asText());
        assertEquals("ses_b", line.path("workload").asText());
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("lsc_very_secret"), log.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode reply(byte[] bytes) throws IOException {
        return AgentProtocol.json().readTree(bytes);
    }
}
