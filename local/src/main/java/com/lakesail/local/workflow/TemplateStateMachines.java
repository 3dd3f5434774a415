package com.lakesail.local.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.lakesail.local.workflow.asl.DefinitionSubstitutions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The state machines {@code template.yaml} deploys, read the local way, so the embedded backend
 * runs exactly what AWS runs: each {@code AWS::Serverless::StateMachine} resource's logical id is its
 * local name, its {@code DefinitionUri} the file, and its {@code DefinitionSubstitutions} are
 * resolved with a function's ARN ({@code !GetAtt Fn.Arn}, {@code !Ref Fn}) or its published alias
 * ({@code !Ref Fn.Alias}, which the state machines invoke so SnapStart applies) becoming the local
 * task name {@code Fn}.
 */
public final class TemplateStateMachines {
    private static final Set<String> STATE_MACHINE_TYPES = Set.of("AWS::Serverless::StateMachine",
            "AWS::StepFunctions::StateMachine");

    private TemplateStateMachines() {
    }

    /** One state machine of the template. */
    public record Definition(String logicalId, String file, Map<String, String> substitutions) {
        /** The definition text with the substitutions applied. */
        public String resolve(String raw) {
            return DefinitionSubstitutions.apply(raw, substitutions);
        }
    }

    /** Every state machine declared in {@code template}. */
    public static List<Definition> read(InputStream template) {
        JsonNode resources;
        try {
            // YAML short-form tags (!GetAtt, !Ref, !Sub) reach us as their plain operand.
            resources = new ObjectMapper(new YAMLFactory()).readTree(template).path("Resources");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template.yaml", e);
        }
        List<Definition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!STATE_MACHINE_TYPES.contains(resource.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode properties = resource.getValue().path("Properties");
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> s = properties.path("DefinitionSubstitutions").fields(); s.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = s.next();
                values.put(entry.getKey(), localValue(entry.getValue()));
            }
            out.add(new Definition(resource.getKey(), properties.path("DefinitionUri").asText(), values));
        }
        return out;
    }

    /**
     * Registers every state machine of the template with {@code engine}, reading definition files
     * through {@code files} (a path relative to the repository root → its text).
     */
    public static List<String> register(WorkflowEngine engine, InputStream template, Function<String, String> files) {
        List<String> names = new ArrayList<>();
        for (Definition definition : read(template)) {
            engine.createStateMachine(definition.logicalId(), definition.resolve(files.apply(definition.file())));
            names.add(definition.logicalId());
        }
        return names;
    }

    /** Reads a classpath resource as text, for {@link #register}'s {@code files}. */
    public static String resource(String path) {
        try (InputStream in = TemplateStateMachines.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local value of a substitution: a function reference (its ARN or its alias) becomes its logical id. */
    static String localValue(JsonNode value) {
        if (value.has("Fn::GetAtt")) {
            JsonNode target = value.get("Fn::GetAtt");
            return target.isArray() ? target.get(0).asText() : localValue(target);
        }
        String text = value.has("Ref") ? value.get("Ref").asText() : value.asText();
        for (String attribute : List.of(".Arn", ".Alias")) {
            if (text.endsWith(attribute)) {
                return text.substring(0, text.length() - attribute.length());
            }
        }
        return text;
    }
}
