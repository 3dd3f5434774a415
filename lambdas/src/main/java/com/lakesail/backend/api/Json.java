package com.lakesail.backend.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.ValidationException;
import java.io.UncheckedIOException;

/** The API's one ObjectMapper, with limits that keep hostile bodies cheap to refuse. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            // {"name": "a", "name": "b"} is ambiguous: refuse it rather than let the last one win.
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(64 * 1024).maxNumberLength(40).build());
    }

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body; anything but a JSON object is a 400 naming {@code body}. */
    public static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ValidationException.of("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // A broken StreamReadConstraints limit (nesting, number length) carries no location.
            throw ValidationException.of("body", e.getLocation() == null ? "is not valid JSON or exceeds the parser's limits"
                    : "is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        return (ObjectNode) node;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
