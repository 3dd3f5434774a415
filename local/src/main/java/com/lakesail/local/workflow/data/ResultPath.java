package com.lakesail.local.workflow.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A state's {@code ResultPath}: where the result goes in the state's raw input. {@code $} replaces
 * the input, {@code null} discards the result, a Reference Path writes the result at that place,
 * creating the objects on the way that do not exist yet.
 *
 * <p>The input is not modified: only the containers along the path are copied (shallowly), the rest
 * is shared.
 */
public final class ResultPath {
    private static final ResultPath DEFAULT = new ResultPath(null, false);
    private static final ResultPath DISCARD = new ResultPath(null, true);

    private final PathExpression path;
    private final boolean discard;

    private ResultPath(PathExpression path, boolean discard) {
        this.path = path;
        this.discard = discard;
    }

    /** {@code $}: the result replaces the input. */
    public static ResultPath replace() {
        return DEFAULT;
    }

    /** {@code "ResultPath": null}: the output is the input. */
    public static ResultPath discard() {
        return DISCARD;
    }

    /**
     * @throws IllegalArgumentException when the text is not a Reference Path over the state's data
     */
    public static ResultPath of(String text) {
        PathExpression path = PathExpression.compile(text);
        if (path.isContext() || !path.isReference()) {
            throw new IllegalArgumentException("'" + text + "' is not a Reference Path (only member names and"
                    + " array indexes, over $)");
        }
        return path.steps().isEmpty() ? DEFAULT : new ResultPath(path, false);
    }

    public JsonNode apply(JsonNode input, JsonNode result) {
        if (discard) {
            return input;
        }
        if (path == null) {
            return result;
        }
        return put(input, path.steps(), 0, result);
    }

    private JsonNode put(JsonNode node, List<Object> steps, int i, JsonNode result) {
        if (i == steps.size()) {
            return result;
        }
        Object step = steps.get(i);
        if (step instanceof String name) {
            if (node != null && !node.isObject() && !node.isNull()) {
                throw failure(node);
            }
            ObjectNode copy = Json.object();
            if (node != null && node.isObject()) {
                copy.setAll((ObjectNode) node);
            }
            copy.set(name, put(copy.get(name), steps, i + 1, result));
            return copy;
        }
        int index = (Integer) step;
        if (node == null || !node.isArray() || index >= node.size()) {
            throw failure(node);
        }
        ArrayNode copy = Json.MAPPER.createArrayNode();
        copy.addAll((ArrayNode) node);
        copy.set(index, put(copy.get(index), steps, i + 1, result));
        return copy;
    }

    private StateFailure failure(JsonNode node) {
        return new StateFailure(ErrorNames.RESULT_PATH_MATCH_FAILURE, "Unable to apply ReferencePath "
                + path.text() + " to input " + (node == null ? "null" : Json.write(node)));
    }

    @Override
    public String toString() {
        return discard ? "null" : path == null ? "$" : path.text();
    }
}
