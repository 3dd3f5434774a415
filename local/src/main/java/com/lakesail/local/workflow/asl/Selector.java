package com.lakesail.local.workflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.PathExpression;
import com.lakesail.local.workflow.data.StateFailure;
import java.util.function.Supplier;

/**
 * An {@code InputPath} or {@code OutputPath}: absent selects everything, {@code null} selects an
 * empty object, a path selects what it matches (a path that matches nothing is States.Runtime).
 */
public final class Selector {
    private static final Selector ALL = new Selector(null, "$");
    private static final Selector NOTHING = new Selector(null, "null");

    private final PathExpression path;
    private final String field;

    private Selector(PathExpression path, String field) {
        this.path = path;
        this.field = field;
    }

    public static Selector all() {
        return ALL;
    }

    public static Selector nothing() {
        return NOTHING;
    }

    public static Selector of(String field, PathExpression path) {
        return path.text().equals("$") ? ALL : new Selector(path, field);
    }

    public JsonNode apply(JsonNode input, Supplier<JsonNode> context) {
        if (this == ALL) {
            return input;
        }
        if (this == NOTHING) {
            return Json.object();
        }
        JsonNode value = path.select(input, context);
        if (value == null) {
            throw StateFailure.runtime("Invalid path '" + path.text() + "' : No results for path: " + path.text()
                    + " (" + field + ") in the input " + Json.write(input));
        }
        return value;
    }
}
