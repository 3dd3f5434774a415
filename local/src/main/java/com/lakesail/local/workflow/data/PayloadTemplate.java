package com.lakesail.local.workflow.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Payload Template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}), compiled
 * once: a field whose name ends in {@code .$} takes the value of a path ({@code $...}), of the
 * context object ({@code $$...}) or of an intrinsic function ({@code States...}). Subtrees without
 * such fields are shared as they are.
 */
public final class PayloadTemplate {
    private final Node root;
    private final boolean usesContext;

    private PayloadTemplate(Node root, boolean usesContext) {
        this.root = root;
        this.usesContext = usesContext;
    }

    /**
     * @throws IllegalArgumentException naming the field when a {@code .$} value is not a path or intrinsic
     */
    public static PayloadTemplate compile(JsonNode template) {
        boolean[] usesContext = {false};
        return new PayloadTemplate(compile(template, usesContext), usesContext[0]);
    }

    /** Whether evaluating the template may read the context object (so it is worth building). */
    public boolean usesContext() {
        return usesContext;
    }

    public JsonNode apply(JsonNode input, Supplier<JsonNode> context) {
        return root.evaluate(input, context);
    }

    private static Node compile(JsonNode template, boolean[] usesContext) {
        if (template.isObject()) {
            List<Field> fields = new ArrayList<>();
            boolean dynamic = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                Node value;
                if (name.endsWith(".$")) {
                    name = name.substring(0, name.length() - 2);
                    value = binding(entry.getKey(), entry.getValue(), usesContext);
                } else {
                    value = compile(entry.getValue(), usesContext);
                }
                dynamic |= !(value instanceof Static);
                fields.add(new Field(name, value));
            }
            return dynamic ? new ObjectTemplate(List.copyOf(fields)) : new Static(template);
        }
        if (template.isArray()) {
            List<Node> elements = new ArrayList<>();
            boolean dynamic = false;
            for (JsonNode element : template) {
                Node value = compile(element, usesContext);
                dynamic |= !(value instanceof Static);
                elements.add(value);
            }
            return dynamic ? new ArrayTemplate(List.copyOf(elements)) : new Static(template);
        }
        return new Static(template);
    }

    private static Node binding(String field, JsonNode value, boolean[] usesContext) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must have a string value (a path or an"
                    + " intrinsic function)");
        }
        String text = value.textValue();
        try {
            if (Intrinsic.looksLikeIntrinsic(text)) {
                usesContext[0] |= text.contains("$$");
                return new IntrinsicBinding(Intrinsic.parse(text));
            }
            PathExpression path = PathExpression.compile(text);
            usesContext[0] |= path.isContext();
            return new PathBinding(field, path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': " + e.getMessage(), e);
        }
    }

    private interface Node {
        JsonNode evaluate(JsonNode input, Supplier<JsonNode> context);
    }

    private record Static(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
            return value;
        }
    }

    private record Field(String name, Node value) {
    }

    private record ObjectTemplate(List<Field> fields) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
            ObjectNode out = Json.object();
            for (Field field : fields) {
                out.set(field.name(), field.value().evaluate(input, context));
            }
            return out;
        }
    }

    private record ArrayTemplate(List<Node> elements) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (Node element : elements) {
                out.add(element.evaluate(input, context));
            }
            return out;
        }
    }

    private record PathBinding(String field, PathExpression path) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
            JsonNode value = path.select(input, context);
            if (value == null) {
                JsonNode searched = path.isContext() ? context.get() : input;
                throw StateFailure.runtime("The JSONPath '" + path.text() + "' specified for the field '" + field
                        + "' could not be found in the input '" + Json.write(searched) + "'");
            }
            return value;
        }
    }

    private record IntrinsicBinding(Intrinsic intrinsic) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
            return intrinsic.evaluate(input, context);
        }
    }
}
