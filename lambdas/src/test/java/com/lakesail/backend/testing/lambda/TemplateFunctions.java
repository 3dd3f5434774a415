package com.lakesail.backend.testing.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda functions {@code template.yaml} deploys, as the runtime would see them: handler,
 * deployment package, and environment (the Globals' variables under the function's own), with
 * every CloudFormation reference replaced by a placeholder of the right shape (an ARN for a state
 * machine or a role, a name for a table, a parameter's default).
 *
 * <pre>{@code
 * for (TemplateFunctions.Function fn : TemplateFunctions.read(root.resolve("template.yaml"))) { ... }
 * }</pre>
 */
public final class TemplateFunctions {
    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-east-1";

    private TemplateFunctions() {
    }

    /**
     * @param codeUri    the deployment package, relative to the repository root
     * @param eventTypes the types of its {@code Events} ({@code Api}, {@code EventBridgeRule}, {@code Schedule}...)
     */
    public record Function(String logicalId, String handler, String codeUri, Map<String, String> environment,
                           Set<String> eventTypes) {
        /** The handler's class name, without {@code ::method}. */
        public String handlerClass() {
            int colons = handler.indexOf("::");
            return colons < 0 ? handler : handler.substring(0, colons);
        }

        /** Served behind API Gateway: answers proxy events. */
        public boolean isApi() {
            return eventTypes.contains("Api") || eventTypes.contains("HttpApi");
        }
    }

    public static List<Function> read(Path template) {
        JsonNode root;
        try {
            // YAML short-form tags (!Ref, !GetAtt, !Sub) reach us as their plain operand.
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode resources = root.path("Resources");
        JsonNode globals = root.path("Globals").path("Function");
        List<Function> functions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                continue;
            }
            JsonNode properties = resource.getValue().path("Properties");
            Map<String, String> environment = new LinkedHashMap<>();
            for (JsonNode variables : List.of(globals.path("Environment").path("Variables"),
                    properties.path("Environment").path("Variables"))) {
                variables.fields().forEachRemaining(v -> environment.put(v.getKey(), placeholder(v.getValue(), root)));
            }
            Set<String> eventTypes = new LinkedHashSet<>();
            properties.path("Events").forEach(event -> eventTypes.add(event.path("Type").asText()));
            functions.add(new Function(resource.getKey(), text(properties, globals, "Handler"),
                    text(properties, globals, "CodeUri"), Map.copyOf(environment), Set.copyOf(eventTypes)));
        }
        return functions;
    }

    /**
     * A function a customer-account stack deploys ({@code AWS::Lambda::Function}, long-form
     * intrinsics), such as {@code cloudformation/cluster.yaml}'s agent: its handler, the package its
     * code is published from ({@code codeUri}: the stack names only a bucket and key), and its
     * environment with every reference a placeholder ({@code Fn::GetAtt} of a resource's attribute
     * becomes {@code Resource.Attribute}, a parameter its default or its name).
     */
    public static Function stackFunction(Path template, String logicalId, String codeUri) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode resource = root.path("Resources").path(logicalId);
        if (!resource.path("Type").asText().equals("AWS::Lambda::Function")) {
            throw new IllegalArgumentException(template + " has no AWS::Lambda::Function " + logicalId);
        }
        JsonNode properties = resource.path("Properties");
        Map<String, String> environment = new LinkedHashMap<>();
        properties.path("Environment").path("Variables").fields().forEachRemaining(v ->
                environment.put(v.getKey(), longForm(v.getValue(), root)));
        return new Function(logicalId, properties.path("Handler").asText(), codeUri, Map.copyOf(environment), Set.of());
    }

    private static String longForm(JsonNode value, JsonNode template) {
        if (value.has("Ref")) {
            JsonNode parameter = template.path("Parameters").path(value.path("Ref").asText());
            // A parameter without a default: what the caller passes, here its name (SailImage → sailimage).
            return parameter.isObject() && !parameter.has("Default") ? value.path("Ref").asText().toLowerCase(java.util.Locale.ROOT)
                    : placeholder(value.path("Ref"), template);
        }
        if (value.has("Fn::GetAtt")) {
            JsonNode at = value.path("Fn::GetAtt");
            return at.isArray() ? at.path(0).asText() + "." + at.path(1).asText() : at.asText();
        }
        if (value.has("Fn::Sub")) {
            return placeholder(value.path("Fn::Sub"), template);
        }
        return placeholder(value, template);
    }

    private static String text(JsonNode properties, JsonNode globals, String name) {
        return properties.has(name) ? properties.path(name).asText() : globals.path(name).asText(null);
    }

    /**
     * A literal stays; a reference to a resource or parameter becomes a value of the shape it resolves
     * to, and so does each {@code ${...}} of a {@code !Sub} string.
     */
    static String placeholder(JsonNode value, JsonNode template) {
        if (!value.isTextual()) {
            return value.toString();
        }
        String text = value.asText();
        if (text.contains("${")) {
            return SUBSTITUTION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                    substitute(m.group(1), template)));
        }
        String target = text.endsWith(".Arn") ? text.substring(0, text.length() - ".Arn".length()) : text;
        JsonNode parameter = template.path("Parameters").path(target);
        if (!parameter.isMissingNode()) {
            return parameter.path("Default").asText("");
        }
        JsonNode resource = template.path("Resources").path(target);
        if (resource.isMissingNode()) {
            return text;
        }
        return switch (resource.path("Type").asText()) {
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" ->
                    "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + target;
            case "AWS::IAM::Role" -> "arn:aws:iam::" + ACCOUNT + ":role/" + target;
            case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
                    "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + target;
            case "AWS::SQS::Queue" -> "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + target;
            default -> target.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]+)}");

    private static String substitute(String name, JsonNode template) {
        return switch (name) {
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            default -> placeholder(new TextNode(name), template);
        };
    }
}
