package com.lakesail.backend.agent.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command protocol between the control plane and a cluster's agent (DESIGN §10): one JSON
 * command per Lambda invocation, one JSON reply.
 *
 * <pre>
 * → {"protocol": 1, "command": "createSail", "workload": {"organizationId": "org_...", "id": "jrn_..."}, ...}
 * ← {"protocol": 1, "supportedProtocols": [1], "agentVersion": "0.1.0", "ok": true, "result": {"endpoint": "sc://..."}}
 * ← {"protocol": 1, ..., "ok": false, "error": {"code": "ClusterUnreachable", "message": "...", "retryable": true}}
 * </pre>
 *
 * <p>Versions: {@code protocol} says how to read the envelope and every command. Within a version a
 * reader ignores fields it does not know, so a new optional field (one whose absence keeps the old
 * behaviour) and a new command need no new version; an agent that predates a command answers
 * {@code UnknownCommand}. A change an older agent must not silently ignore takes a new version,
 * which an agent that does not speak it refuses with {@code UnsupportedProtocol}. Either way the
 * control plane tells the operator to update the cluster (its stack deploys the agent's code).
 */
public final class AgentProtocol {
    /** The version this build sends. */
    public static final int VERSION = 1;
    /** The versions this build's agent answers. */
    public static final List<Integer> SUPPORTED = List.of(1);

    static final ObjectMapper JSON = strict(new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, true));

    private AgentProtocol() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** The command as the agent reads it, with the protocol version this build speaks. */
    public static byte[] encode(AgentCommand command) {
        ObjectNode envelope = JSON.createObjectNode().put("protocol", VERSION);
        envelope.setAll((ObjectNode) JSON.valueToTree(command));
        return bytes(envelope);
    }

    /**
     * Reads a command.
     *
     * @throws AgentException {@code MalformedCommand}, {@code UnsupportedProtocol} or {@code UnknownCommand}, never retryable
     */
    public static AgentCommand decode(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw malformed("the command is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the command must be a JSON object");
        }
        JsonNode protocol = root.path("protocol");
        if (!protocol.isInt()) {
            throw malformed("protocol is required: the version of this protocol the command is written in (this agent speaks "
                    + SUPPORTED + ")");
        }
        if (!SUPPORTED.contains(protocol.asInt())) {
            throw AgentException.of(AgentError.Code.UNSUPPORTED_PROTOCOL, "protocol " + protocol.asInt()
                    + " is not one this agent speaks (" + SUPPORTED + "): update the cluster to update its agent", false);
        }
        if (!root.path("command").isTextual()) {
            throw malformed("command is required: one of " + commands());
        }
        try {
            return JSON.treeToValue(root, AgentCommand.class);
        } catch (InvalidTypeIdException e) {
            throw AgentException.of(AgentError.Code.UNKNOWN_COMMAND, "unknown command " + root.path("command").asText()
                    + ": this agent knows " + commands() + "; update the cluster to update its agent", false);
        } catch (JsonMappingException e) {
            throw malformed(describe(e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    public static byte[] encode(AgentReply reply) {
        return bytes(JSON.valueToTree(reply));
    }

    /** @throws IOException when the payload is not a reply of this protocol */
    public static AgentReply decodeReply(byte[] payload) throws IOException {
        AgentReply reply = JSON.readValue(payload, AgentReply.class);
        if (reply == null || (reply.ok() ? reply.result() == null : reply.error() == null)) {
            throw new IOException("not an agent reply");
        }
        return reply;
    }

    /** A successful reply's result as its type. */
    public static <T> T result(AgentReply reply, Class<T> type) throws IOException {
        return JSON.treeToValue(reply.result(), type);
    }

    public static JsonNode tree(Object result) {
        return JSON.valueToTree(result);
    }

    /** The commands this build knows, by their wire names. */
    static String commands() {
        return java.util.Arrays.stream(AgentCommand.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
                .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name).collect(Collectors.joining(", "));
    }

    /** The field that broke (workload.id) and what was wrong with it, as the record said. */
    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Throwable cause = e.getCause();
        String problem = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        if (problem != null && problem.contains("\n")) {
            problem = problem.substring(0, problem.indexOf('\n'));
        }
        return field.isEmpty() ? problem : field + ": " + problem;
    }

    /** A string field takes a JSON string and a number field a JSON number: no guessing between them. */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    private static AgentException malformed(String message) {
        return AgentException.of(AgentError.Code.MALFORMED_COMMAND, message, false);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
