package com.lakesail.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's spec, {@code LAKESAIL_RUN_SPEC}: what to run and how to report it.
 *
 * @param parameters SQL named parameters: String, Integer, Long, BigDecimal or Boolean values
 */
public record RunSpec(String runId, Entrypoint entrypoint, Map<String, Object> parameters, int previewRows,
                      int heartbeatSeconds) {
    static final int DEFAULT_PREVIEW_ROWS = 100;
    static final int DEFAULT_HEARTBEAT_SECONDS = 20;

    /** What the run executes. */
    public sealed interface Entrypoint {
    }

    /** SQL statements, run in order in one session. */
    public record Sql(List<String> statements) implements Entrypoint {
    }

    /** A jar's main class, with {@code SPARK_REMOTE} pointing at the run's Sail. */
    public record Jar(String location, String mainClass, List<String> arguments) implements Entrypoint {
    }

    /** A spec the runner cannot run; the message names the offending field. */
    public static final class InvalidSpecException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidSpecException(String message) {
            super(message);
        }
    }

    public static RunSpec parse(String json, ObjectMapper mapper) {
        if (json == null || json.isBlank()) {
            throw new InvalidSpecException("LAKESAIL_RUN_SPEC is not set");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (Exception e) {
            throw new InvalidSpecException("LAKESAIL_RUN_SPEC is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSpecException("LAKESAIL_RUN_SPEC must be a JSON object");
        }
        JsonNode ep = root.path("entrypoint");
        Entrypoint entrypoint = switch (ep.path("type").asText("")) {
            case "sql" -> new Sql(strings(ep.path("statements"), "entrypoint.statements", false));
            case "jar" -> new Jar(text(ep, "location"), text(ep, "mainClass"),
                    ep.has("arguments") ? strings(ep.path("arguments"), "entrypoint.arguments", true) : List.of());
            default -> throw new InvalidSpecException("entrypoint.type must be sql or jar");
        };
        return new RunSpec(root.path("runId").asText(null), entrypoint, parameters(root.path("parameters")),
                positive(root, "previewRows", DEFAULT_PREVIEW_ROWS, true),
                positive(root, "heartbeatSeconds", DEFAULT_HEARTBEAT_SECONDS, false));
    }

    private static List<String> strings(JsonNode node, String field, boolean emptyAllowed) {
        if (!node.isArray() || (!emptyAllowed && node.isEmpty())) {
            throw new InvalidSpecException(field + " must be a" + (emptyAllowed ? "n" : " non-empty") + " array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual() || (!emptyAllowed && n.asText().isBlank())) {
                throw new InvalidSpecException(field + " must hold " + (emptyAllowed ? "" : "non-blank ") + "strings");
            }
            values.add(n.asText());
        }
        return List.copyOf(values);
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.path(field);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new InvalidSpecException("entrypoint." + field + " is required");
        }
        return n.asText();
    }

    /** SQL named parameters from a JSON object (absent: none). */
    static Map<String, Object> parameters(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidSpecException("parameters must be an object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getKey(), e.getValue())));
        return values;
    }

    /** JSON values as the Spark literals they mean: whole numbers as INT or BIGINT, others as DECIMAL. */
    private static Object value(String name, JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isInt()) {
            return n.asInt();
        }
        if (n.isLong()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        throw new InvalidSpecException("parameters." + name + " must be a string, number or boolean");
    }

    private static int positive(JsonNode root, String field, int fallback, boolean zeroAllowed) {
        JsonNode n = root.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < (zeroAllowed ? 0 : 1)) {
            throw new InvalidSpecException(field + " must be " + (zeroAllowed ? "a non-negative" : "a positive") + " integer");
        }
        return n.asInt();
    }
}
