package com.lakesail.local.workflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.PathExpression;
import com.lakesail.local.workflow.data.PayloadTemplate;
import com.lakesail.local.workflow.data.ResultPath;
import java.util.Iterator;
import java.util.Set;

/** Typed reads of one JSON object of a definition; every error names where it is ("State 'X'"). */
final class Fields {
    private final JsonNode node;
    private final String where;

    Fields(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidDefinitionException(where + " must be a JSON object");
        }
        this.node = node;
        this.where = where;
    }

    String where() {
        return where;
    }

    JsonNode node() {
        return node;
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    InvalidDefinitionException error(String message) {
        return new InvalidDefinitionException(where + ": " + message);
    }

    void onlyAllow(Set<String> allowed, String kind) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw error("field '" + field + "' is not supported " + kind);
            }
        }
    }

    String requiredString(String field) {
        String value = string(field);
        if (value == null) {
            throw error("field '" + field + "' is required");
        }
        return value;
    }

    String string(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw error("field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw error("field '" + field + "' must be a boolean");
        }
        return value.booleanValue();
    }

    /** A non-negative integer (min 0) or positive one (min 1); null when absent. */
    Long integer(String field, long min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.longValue() < min) {
            throw error("field '" + field + "' must be an integer of at least " + min);
        }
        return value.longValue();
    }

    Double number(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw error("field '" + field + "' must be a number");
        }
        return value.doubleValue();
    }

    PathExpression path(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return PathExpression.compile(text);
        } catch (IllegalArgumentException e) {
            throw error("field '" + field + "': " + e.getMessage());
        }
    }

    /** InputPath / OutputPath: absent = $, null = {}. */
    Selector selector(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Selector.all();
        }
        if (value.isNull()) {
            return Selector.nothing();
        }
        return Selector.of(field, path(field));
    }

    ResultPath resultPath(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return ResultPath.replace();
        }
        if (value.isNull()) {
            return ResultPath.discard();
        }
        try {
            return ResultPath.of(string(field));
        } catch (IllegalArgumentException e) {
            throw error("field '" + field + "': " + e.getMessage());
        }
    }

    PayloadTemplate template(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        try {
            return PayloadTemplate.compile(value);
        } catch (IllegalArgumentException e) {
            throw error(field + ": " + e.getMessage());
        }
    }
}
