package com.lakesail.local.workflow.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A compiled JSONPath, over the state's data ({@code $...}) or the context object ({@code $$...}).
 *
 * <p>Jayway JsonPath parses every path once, at definition load. When its normalized form is a
 * plain chain of member names and non-negative indexes (a Reference Path, e.g. {@code $['a'][0]}),
 * the chain is kept as steps: that is how {@code ResultPath} writes into the input, and it lets the
 * common case be read without Jayway's per-call overhead and with the spec's semantics for an index
 * past the end (no match, where Jayway answers null).
 */
public final class PathExpression {
    private final String text;
    private final boolean context;
    private final JsonPath compiled;
    private final List<Object> steps;

    private PathExpression(String text, boolean context, JsonPath compiled, List<Object> steps) {
        this.text = text;
        this.context = context;
        this.compiled = compiled;
        this.steps = steps;
    }

    /**
     * @throws IllegalArgumentException when the text is not a JSONPath beginning with {@code $}
     */
    public static PathExpression compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("'" + text + "' is not a JSONPath: it must begin with '$'");
        }
        boolean context = text.startsWith("$$");
        String path = context ? text.substring(1) : text;
        if (path.equals("$")) {
            return new PathExpression(text, context, null, List.of());
        }
        JsonPath compiled;
        try {
            compiled = JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid JSONPath: " + e.getMessage(), e);
        }
        return new PathExpression(text, context, compiled, steps(compiled.getPath()));
    }

    /** The steps of a normalized path such as {@code $['a'][0]}, or null when it is not that simple. */
    private static List<Object> steps(String normalized) {
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < normalized.length()) {
            if (normalized.startsWith("['", i)) {
                int end = normalized.indexOf("']", i + 2);
                if (end < 0) {
                    return null;
                }
                String name = normalized.substring(i + 2, end);
                if (name.indexOf('\'') >= 0) {
                    return null;
                }
                steps.add(name);
                i = end + 2;
            } else if (normalized.startsWith("[", i)) {
                int end = normalized.indexOf(']', i);
                if (end < 0) {
                    return null;
                }
                String index = normalized.substring(i + 1, end);
                if (index.isEmpty() || !index.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                steps.add(Integer.parseInt(index));
                i = end + 1;
            } else {
                return null;
            }
        }
        return List.copyOf(steps);
    }

    public String text() {
        return text;
    }

    /** Whether the path reads the context object ({@code $$}). */
    public boolean isContext() {
        return context;
    }

    /** A Reference Path: only member names and indexes, so it names exactly one place. */
    public boolean isReference() {
        return steps != null;
    }

    List<Object> steps() {
        return steps;
    }

    /**
     * The value the path selects, or Java null when it selects nothing. A path with wildcards or
     * filters selects an array of its matches.
     *
     * @param context supplies the context object, built only when a {@code $$} path needs it
     */
    public JsonNode select(JsonNode input, Supplier<JsonNode> context) {
        JsonNode root = this.context ? context.get() : input;
        if (steps != null) {
            return walk(root);
        }
        try {
            Object value = compiled.read(root, Json.JSON_PATH);
            if (value == null) {
                return Json.NODES.nullNode();
            }
            return value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value);
        } catch (JsonPathException e) {
            return null;
        }
    }

    private JsonNode walk(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (step instanceof String name) {
                node = node.isObject() ? node.get(name) : null;
            } else {
                int index = (Integer) step;
                node = node.isArray() && index < node.size() ? node.get(index) : null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }
}
