package com.lakesail.backend.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.Text;
import com.lakesail.backend.domain.ValidationException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

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

    private static final String DUPLICATE = "Duplicate field '";

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
        } catch (JsonParseException e) {
            String duplicate = duplicateField(e);
            if (duplicate != null) {
                throw ValidationException.of(duplicate, "is given more than once");
            }
            throw ValidationException.of("body", e.getLocation() == null ? "is not valid JSON or exceeds the parser's limits"
                    : "is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (JsonProcessingException e) {
            // A broken StreamReadConstraints limit (nesting, number length) carries no location.
            throw ValidationException.of("body", e.getLocation() == null ? "is not valid JSON or exceeds the parser's limits"
                    : "is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        List<FieldError> invalid = new ArrayList<>();
        requireValidText(node, "", invalid);
        if (!invalid.isEmpty()) {
            throw new ValidationException(invalid);
        }
        return (ObjectNode) node;
    }

    /**
     * The path of the field a strict parser found twice ({@code subject.type}), or null when the
     * failure was something else. Jackson names the field in its message and stands, when it throws,
     * in the object that holds it.
     */
    private static String duplicateField(JsonParseException e) {
        String message = e.getOriginalMessage();
        JsonParser parser = e.getProcessor();
        if (message == null || !message.startsWith(DUPLICATE) || parser == null) {
            return null;
        }
        int end = message.indexOf('\'', DUPLICATE.length());
        if (end < 0) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        segments.push(message.substring(DUPLICATE.length(), end));
        for (JsonStreamContext context = parser.getParsingContext().getParent(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inArray()) {
                segments.push("[" + context.getCurrentIndex() + "]");
            } else if (context.getCurrentName() != null) {
                segments.push(context.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append(path.length() == 0 || segment.startsWith("[") ? "" : ".").append(segment);
        }
        return path.toString();
    }

    /**
     * A JSON escape can spell an unpaired surrogate (U+D800 alone), which is no Unicode text: it
     * would be stored as {@code ?}. Every string is checked, each error naming its path. (The parser
     * itself refuses such a field name: a 400 naming {@code body}.)
     */
    private static void requireValidText(JsonNode node, String path, List<FieldError> invalid) {
        if (node.isTextual()) {
            if (!Text.wellFormed(node.textValue())) {
                invalid.add(new FieldError(path, "is not valid Unicode text (it holds an unpaired surrogate)"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireValidText(node.get(i), path + "[" + i + "]", invalid);
            }
        } else if (node.isObject()) {
            String prefix = path.isEmpty() ? "" : path + ".";
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                requireValidText(field.getValue(), prefix + field.getKey(), invalid);
            }
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
