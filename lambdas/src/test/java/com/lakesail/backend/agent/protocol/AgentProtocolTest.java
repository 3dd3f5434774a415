package com.lakesail.backend.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentProtocolTest {
    static final AgentCommand.WorkloadRef WORKLOAD = new AgentCommand.WorkloadRef("org_abc", "jrn_xyz");
    static final AgentCommand.Callback CALLBACK = new AgentCommand.Callback(
            URI.create("https://api.example.com/prod/v1/callbacks/job-runs/jrn_xyz"), "lsc_secret");
    static final AgentCommand.CreateSail CREATE_SAIL = new AgentCommand.CreateSail(WORKLOAD,
            List.of(new AgentCommand.Catalog("lake", "iceberg", Map.of("location", "s3://lakesail-lake/warehouse"))),
            Map.of("spark.sql.shuffle.partitions", "8"),
            new AgentCommand.Compute(new AgentCommand.Size(2, 4), new AgentCommand.Size(2, 8), 3), CALLBACK, 780);

    @Test
    void encode_whenDecoded_givesTheSameCommandAndTheProtocolVersion() throws Exception {
        byte[] wire = AgentProtocol.encode(CREATE_SAIL);
        JsonNode json = AgentProtocol.json().readTree(wire);

        assertEquals(AgentProtocol.VERSION, json.path("protocol").asInt());
        assertEquals("createSail", json.path("command").asText());
        assertEquals("jrn_xyz", json.path("workload").path("id").asText());
        assertEquals(CREATE_SAIL, AgentProtocol.decode(wire));
        assertEquals(new AgentCommand.Bootstrap(), AgentProtocol.decode(AgentProtocol.encode(new AgentCommand.Bootstrap())));
        AgentCommand.ReadLogs fromStart = new AgentCommand.ReadLogs(WORKLOAD, null);
        assertEquals(fromStart, AgentProtocol.decode(AgentProtocol.encode(fromStart)));
    }

    static final AgentCommand.CreateSession CREATE_SESSION = new AgentCommand.CreateSession(
            new AgentCommand.WorkloadRef("org_abc", "ses_xyz"),
            List.of(new AgentCommand.Catalog("lake", "iceberg", Map.of("location", "s3://lakesail-lake/warehouse"))),
            new AgentCommand.Compute(new AgentCommand.Size(2, 4), new AgentCommand.Size(2, 8), 3),
            new AgentCommand.Callback(URI.create("https://api.example.com/prod/v1/callbacks/sessions/ses_xyz"), "lsc_secret"),
            new AgentCommand.Gate("https://api.example.com/prod", "lakesail-session", "ses_xyz",
                    URI.create("https://api.example.com/prod/v1/.well-known/jwks.json")),
            30, new AgentCommand.Exposure(true, List.of("203.0.113.0/24")));

    @Test
    void createSession_whenEncodedAndDecoded_isTheSameCommand() throws Exception {
        byte[] wire = AgentProtocol.encode(CREATE_SESSION);
        JsonNode json = AgentProtocol.json().readTree(wire);

        assertEquals("createSession", json.path("command").asText());
        assertEquals("ses_xyz", json.path("gate").path("sessionId").asText());
        assertEquals("https://api.example.com/prod/v1/.well-known/jwks.json", json.path("gate").path("jwksUrl").asText());
        assertTrue(json.path("exposure").path("publicAccess").asBoolean());
        assertEquals("203.0.113.0/24", json.path("exposure").path("allowedCidrs").path(0).asText());
        assertEquals(30, json.path("heartbeatSeconds").asInt());
        assertEquals(CREATE_SESSION, AgentProtocol.decode(wire));
        assertFalse(CREATE_SESSION.toString().contains("lsc_secret"), CREATE_SESSION.toString());
    }

    @Test
    void createSession_whenExposureAbsent_isPrivate() {
        ObjectNode json = tree(AgentProtocol.encode(CREATE_SESSION));
        json.remove("exposure");

        AgentCommand.CreateSession decoded = (AgentCommand.CreateSession) AgentProtocol.decode(bytes(json));

        assertEquals(new AgentCommand.Exposure(false, List.of()), decoded.exposure());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/gate                          | gate is required",
            "/gate/sessionId=ses_other      | gate.sessionId must be the workload's id",
            "/gate/jwksUrl=file:///etc/jwks | gate: jwksUrl must be an http(s) URL",
            "/gate/issuer=                  | gate: issuer is required",
            "/heartbeatSeconds=0            | heartbeatSeconds must be 1 to 3600",
            "/exposure/allowedCidrs=        | exposure: allowedCidrs must list at least one CIDR when publicAccess is true",
            "/exposure/allowedCidrs=0.0.0.0 | exposure: allowedCidrs: 0.0.0.0 is not an IPv4 CIDR",
            "/exposure/allowedCidrs=10.0.0.0/33 | exposure: allowedCidrs: 10.0.0.0/33 is not an IPv4 CIDR"})
    void createSession_whenMalformed_refusesNamingWhatIsWrong(String change, String message) {
        ObjectNode json = tree(AgentProtocol.encode(CREATE_SESSION));
        String[] parts = change.trim().split("=", 2);
        String[] path = parts[0].substring(1).split("/");
        ObjectNode parent = json;
        for (int i = 0; i < path.length - 1; i++) {
            parent = (ObjectNode) parent.path(path[i]);
        }
        String field = path[path.length - 1];
        if (parts.length == 1) {
            parent.remove(field);
        } else if (field.equals("heartbeatSeconds")) {
            parent.put(field, Integer.parseInt(parts[1]));
        } else if (field.equals("allowedCidrs")) {
            var list = parent.putArray(field);
            if (!parts[1].isEmpty()) {
                list.add(parts[1]);
            }
        } else {
            parent.put(field, parts[1]);
        }

        AgentException e = assertThrows(AgentException.class, () -> AgentProtocol.decode(bytes(json)));

        assertEquals(AgentError.Code.MALFORMED_COMMAND, e.error().code());
        assertTrue(e.getMessage().startsWith(message.trim()), e.getMessage());
    }

    @Test
    void callback_whenPrinted_hidesItsToken() {
        assertFalse(CREATE_SAIL.toString().contains("lsc_secret"), CREATE_SAIL.toString());
    }

    @Test
    void decode_whenANewerControlPlaneAddsAnOptionalField_ignoresIt() {
        ObjectNode json = tree(AgentProtocol.encode(new AgentCommand.Delete(WORKLOAD)));
        json.put("reason", "cancelled");
        ((ObjectNode) json.path("workload")).put("tenantTier", "gold");

        assertEquals(new AgentCommand.Delete(WORKLOAD), AgentProtocol.decode(bytes(json)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{task                                                        | the command is not JSON",
            "[1, 2]                                                       | the command must be a JSON object",
            "{\"command\":\"bootstrap\"}                                  | protocol is required",
            "{\"protocol\":\"1\",\"command\":\"bootstrap\"}               | protocol is required",
            "{\"protocol\":1}                                             | command is required: one of bootstrap, createSail, sailStatus, createRunner, createSession, readLogs, delete",
            "{\"protocol\":1,\"command\":\"delete\"}                      | workload is required",
            "{\"protocol\":1,\"command\":\"delete\",\"workload\":{\"organizationId\":\"org_a\",\"id\":\"../etc\"}} | workload: id must be a LakeSail id",
            "{\"protocol\":1,\"command\":\"readLogs\",\"workload\":{\"organizationId\":\"org_a\",\"id\":\"jrn_b\"},\"cursor\":7} | cursor"})
    void decode_whenMalformed_refusesNamingWhatIsWrong(String payload, String message) {
        AgentException e = assertThrows(AgentException.class, () -> AgentProtocol.decode(payload.getBytes(StandardCharsets.UTF_8)));

        assertEquals(AgentError.Code.MALFORMED_COMMAND, e.error().code());
        assertFalse(e.error().retryable());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void decode_whenCommandUnknown_refusesSayingToUpdateTheAgent() {
        AgentException e = assertThrows(AgentException.class,
                () -> AgentProtocol.decode("{\"protocol\":1,\"command\":\"createNotebook\"}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(AgentError.Code.UNKNOWN_COMMAND, e.error().code());
        assertFalse(e.error().retryable());
        assertTrue(e.getMessage().contains("update the cluster"), e.getMessage());
    }

    @Test
    void decode_whenProtocolNewerThanTheAgent_refusesSayingWhichItSpeaks() {
        AgentException e = assertThrows(AgentException.class,
                () -> AgentProtocol.decode("{\"protocol\":2,\"command\":\"bootstrap\"}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(AgentError.Code.UNSUPPORTED_PROTOCOL, e.error().code());
        assertEquals("protocol 2 is not one this agent speaks ([1]): update the cluster to update its agent", e.getMessage());
    }

    @Test
    void decode_whenSparkConfNamesANonSparkKey_refuses() {
        ObjectNode json = tree(AgentProtocol.encode(CREATE_SAIL));
        ((ObjectNode) json.path("sparkConf")).put("hadoop.security", "x");

        AgentException e = assertThrows(AgentException.class, () -> AgentProtocol.decode(bytes(json)));

        assertEquals("sparkConf keys are spark.* settings: hadoop.security", e.getMessage());
    }

    @Test
    void reply_whenDecoded_keepsResultOrErrorAndReadsAnUnknownErrorCodeAsInternal() throws Exception {
        AgentReply ok = AgentReply.success("0.1.0", AgentProtocol.tree(new AgentCommand.SailEndpoint("sc://x:50051")));
        AgentReply decoded = AgentProtocol.decodeReply(AgentProtocol.encode(ok));
        assertEquals("sc://x:50051", AgentProtocol.result(decoded, AgentCommand.SailEndpoint.class).endpoint());
        assertEquals(List.of(1), decoded.supportedProtocols());

        AgentReply failure = AgentProtocol.decodeReply(("{\"protocol\":1,\"ok\":false,\"error\":{\"code\":\"QuotaExceeded\","
                + "\"message\":\"too many\",\"retryable\":true}}").getBytes(StandardCharsets.UTF_8));
        assertEquals(AgentError.Code.INTERNAL_ERROR, failure.error().code());
        assertTrue(failure.error().retryable());
        assertThrows(java.io.IOException.class, () -> AgentProtocol.decodeReply("{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
    }

    static ObjectNode tree(byte[] json) {
        try {
            return (ObjectNode) AgentProtocol.json().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
