package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, strict access to a JSON request body. Reading a field of the wrong type records an error
 * naming the field; {@link #done()} also refuses fields the operation does not know (a typo must not
 * be silently ignored) and throws one {@link ValidationException} naming them all.
 *
 * <pre>{@code
 * Body body = call.body();
 * String name = body.string("name");
 * Long version = body.int64("version");
 * body.done();
 * }</pre>
 */
public final class Body {
    private final ObjectNode node;
    /** Where this object sits in the request ({@code subject.}), so errors name the full path. */
    private final String path;
    private final Set<String> read = new HashSet<>();
    private final List<FieldError> errors;
    private final List<Body> children = new ArrayList<>();

    Body(ObjectNode node) {
        this(node, "", new ArrayList<>());
    }

    private Body(ObjectNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** A nested object, read the same way (its unknown fields are refused by {@link #done()}), or null. */
    public Body object(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(new FieldError(path + field, "must be an object"));
            return null;
        }
        Body child = new Body((ObjectNode) value, path + field + ".", errors);
        children.add(child);
        return child;
    }

    /** An array of strings, or null when absent or JSON null. */
    public List<String> strings(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; value.isArray() && i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                errors.add(new FieldError(path + field + "[" + i + "]", "must be a string"));
                return null;
            }
            strings.add(value.get(i).textValue());
        }
        if (!value.isArray()) {
            errors.add(new FieldError(path + field, "must be an array of strings"));
            return null;
        }
        return strings;
    }

    /** A string, or null when absent or JSON null. */
    public String string(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(path + field, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    /** An array of objects, each read like {@link #object}, or null when absent or JSON null. */
    public List<Body> objects(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(path + field, "must be an array of objects"));
            return null;
        }
        List<Body> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                errors.add(new FieldError(path + field + "[" + i + "]", "must be an object"));
                return null;
            }
            Body child = new Body((ObjectNode) value.get(i), path + field + "[" + i + "].", errors);
            children.add(child);
            out.add(child);
        }
        return out;
    }

    /** An object whose values are all strings, in field order, or null when absent or JSON null. */
    public Map<String, String> stringMap(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(new FieldError(path + field, "must be an object of strings"));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                errors.add(new FieldError(path + field + "." + e.getKey(), "must be a string"));
                return null;
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /**
     * A JSON string, integer, number or boolean as {@code String}, {@code Long}, {@code Double} or
     * {@code Boolean}; null when absent or JSON null.
     */
    public Object scalar(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        Object scalar = scalar(value);
        if (scalar == null) {
            errors.add(new FieldError(path + field, "must be a string, a number or a boolean"));
        }
        return scalar;
    }

    /** An object of scalars (see {@link #scalar}), in field order, or null when absent or JSON null. */
    public Map<String, Object> scalarMap(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(new FieldError(path + field, "must be an object"));
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Object scalar = scalar(e.getValue());
            if (scalar == null) {
                errors.add(new FieldError(path + field + "." + e.getKey(), "must be a string, a number or a boolean"));
                return null;
            }
            out.put(e.getKey(), scalar);
        }
        return out;
    }

    /** The field's JSON as it is, unchecked, or null when absent or JSON null. */
    public JsonNode json(String field) {
        return field(field);
    }

    public Boolean bool(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(path + field, "must be true or false"));
            return null;
        }
        return value.booleanValue();
    }

    public Integer int32(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldError(path + field, "must be an integer"));
            return null;
        }
        return value.intValue();
    }

    public Long int64(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(new FieldError(path + field, "must be an integer"));
            return null;
        }
        return value.longValue();
    }

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : null;
        }
        return value.isNumber() ? value.doubleValue() : null;
    }

    private JsonNode field(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** Throws when a field had the wrong type or was not one the operation reads. */
    public void done() {
        refuseUnknown();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Throws when a field had the wrong type, but lets unknown fields pass: for the runner protocol,
     * whose reporters may be newer than this service and add fields it does not know yet.
     */
    public void doneAllowingUnknown() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private void refuseUnknown() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                errors.add(new FieldError(path + name, "is not a known field"));
            }
        }
        children.forEach(Body::refuseUnknown);
    }
}
