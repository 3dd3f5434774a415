package com.lakesail.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.lakesail.local.workflow.asl.DefinitionParser;
import com.lakesail.local.workflow.asl.DefinitionSubstitutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every definition in {@code statemachines/} loads in the local engine once the
 * DefinitionSubstitutions that template.yaml passes it are resolved the local way: a function's
 * ARN ({@code !GetAtt Fn.Arn}, {@code !Ref Fn}) becomes the local task name {@code Fn}.
 */
class StateMachineFilesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TestFactory
    Stream<DynamicTest> everyDefinitionFile_loadsWithTemplateSubstitutions() throws IOException {
        Map<String, Map<String, String>> substitutions = substitutionsByFile();
        Path folder = ROOT.resolve("statemachines");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        String raw = Files.readString(file);
                        String definition = DefinitionSubstitutions.apply(raw,
                                substitutions.getOrDefault(ROOT.relativize(file).toString(), Map.of()));
                        assertEquals(Set.of(), DefinitionSubstitutions.placeholders(definition),
                                "placeholders that template.yaml does not substitute");
                        DefinitionParser.parse(definition);
                    }));
        }
    }

    @Test
    void templateStateMachines_pointAtExistingFiles() throws IOException {
        for (String file : substitutionsByFile().keySet()) {
            assertTrue(Files.isRegularFile(ROOT.resolve(file)), "template.yaml names a missing definition " + file);
        }
    }

    @Test
    void localValue_whenFunctionReference_isTheLogicalId() throws IOException {
        JsonNode shortForms = new ObjectMapper(new YAMLFactory()).readTree("A: !GetAtt TaskFunction.Arn\nB: !Ref TaskFunction\n");
        assertEquals("TaskFunction", localValue(shortForms.get("A")));
        assertEquals("TaskFunction", localValue(shortForms.get("B")));
        ObjectMapper json = new ObjectMapper();
        assertEquals("TaskFunction", localValue(json.valueToTree("TaskFunction.Arn")));
        assertEquals("TaskFunction", localValue(json.valueToTree(Map.of("Fn::GetAtt", List.of("TaskFunction", "Arn")))));
        assertEquals("TaskFunction", localValue(json.valueToTree(Map.of("Ref", "TaskFunction"))));
    }

    @Test
    void localValue_whenPublishedAliasReference_isTheFunctionsLogicalId() throws IOException {
        JsonNode shortForm = new ObjectMapper(new YAMLFactory()).readTree("A: !Ref TaskFunction.Alias\n");
        assertEquals("TaskFunction", localValue(shortForm.get("A")));
        assertEquals("TaskFunction", localValue(new ObjectMapper().valueToTree(Map.of("Ref", "TaskFunction.Alias"))));
    }

    /** DefinitionUri (relative to the repository) → substitutions, for every state machine of the template. */
    private static Map<String, Map<String, String>> substitutionsByFile() throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Path template = ROOT.resolve("template.yaml");
        if (!Files.exists(template)) {
            return out;
        }
        try (var in = Files.newInputStream(template)) {
            for (TemplateStateMachines.Definition d : TemplateStateMachines.read(in)) {
                out.put(Path.of(d.file()).normalize().toString(), d.substitutions());
            }
        }
        return out;
    }

    private static String localValue(JsonNode value) {
        return TemplateStateMachines.localValue(value);
    }
}
