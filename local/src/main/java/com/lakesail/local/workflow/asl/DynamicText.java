package com.lakesail.local.workflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.Intrinsic;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.PathExpression;
import com.lakesail.local.workflow.data.StateFailure;
import java.util.function.Supplier;

/** A Fail state's Error or Cause: static text, or a path or intrinsic function that yields a string. */
public record DynamicText(String text, PathExpression path, Intrinsic intrinsic, String field) {

    public static DynamicText of(String text) {
        return new DynamicText(text, null, null, null);
    }

    public String evaluate(JsonNode input, Supplier<JsonNode> context) {
        if (text != null) {
            return text;
        }
        JsonNode value = intrinsic != null ? intrinsic.evaluate(input, context) : path.select(input, context);
        if (value == null) {
            throw StateFailure.runtime("Invalid path '" + path.text() + "' : No results for path: " + path.text()
                    + " (" + field + ")");
        }
        if (!value.isTextual()) {
            throw StateFailure.runtime("The value of " + field + " must be a string, not " + Json.typeName(value)
                    + " " + Json.write(value));
        }
        return value.textValue();
    }
}
