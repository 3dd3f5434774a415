package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
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
    private final Set<String> read = new HashSet<>();
    private final List<FieldError> errors = new ArrayList<>();

    Body(ObjectNode node) {
        this.node = node;
    }

    /** A string, or null when absent or JSON null. */
    public String string(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    public Integer int32(String field) {
        JsonNode value = field(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldError(field, "must be an integer"));
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
            errors.add(new FieldError(field, "must be an integer"));
            return null;
        }
        return value.longValue();
    }

    private JsonNode field(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** Throws when a field had the wrong type or was not one the operation reads. */
    public void done() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
