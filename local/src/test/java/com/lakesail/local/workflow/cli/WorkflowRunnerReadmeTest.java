package com.lakesail.local.workflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's WorkflowRunner command, read from README.md so the two cannot drift apart. */
class WorkflowRunnerReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String MAIN = "com.lakesail.local.workflow.cli.WorkflowRunner";

    @Test
    void readmeCommand_whenRunAsWritten_succeedsThroughTheShippedMockFile() throws Exception {
        List<String> args = readmeArguments();
        // The README runs from the repository root; this test runs in local/.
        List<String> rooted = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean path = i == 0 || (i > 0 && List.of("--mock-config", "--input-file").contains(args.get(i - 1)));
            rooted.add(path ? ROOT.resolve(arg).toString() : arg);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = WorkflowRunner.run(rooted.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(WorkflowRunner.SUCCEEDED, status, () -> out + "\n" + err);
        JsonNode report = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals("SUCCEEDED", report.get("status").asText());
        assertTrue(report.get("output").get("poll").get("done").asBoolean(), report::toString);
        assertTrue(report.get("history").size() > 10, report::toString);
    }

    @Test
    void help_printsTheUsageAndSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = WorkflowRunner.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(WorkflowRunner.SUCCEEDED, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: WorkflowRunner DEFINITION.json"));
    }

    @Test
    void missingFile_isNamedAsMissing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = WorkflowRunner.run(new String[] {"absent.asl.json", "--mock-config", "mocks.json"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(WorkflowRunner.USAGE, status);
        assertEquals("WorkflowRunner: no such file: absent.asl.json\n", err.toString(StandardCharsets.UTF_8));
    }

    /** The arguments after the main class in the README's fenced command, shell-unquoted. */
    private static List<String> readmeArguments() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf(MAIN);
        assertTrue(start > 0, "README.md names no WorkflowRunner command");
        String command = readme.substring(start + MAIN.length(), readme.indexOf("```", start)).replace("\\\n", " ");
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    args.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            args.add(current.toString());
        }
        return args;
    }
}
