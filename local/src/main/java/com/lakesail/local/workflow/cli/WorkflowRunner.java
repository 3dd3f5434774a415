package com.lakesail.local.workflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.WorkflowException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.workflow.HistoryEvent;
import com.lakesail.local.workflow.ManualClock;
import com.lakesail.local.workflow.TaskRegistry;
import com.lakesail.local.workflow.WorkflowEngine;
import com.lakesail.local.workflow.asl.DefinitionSubstitutions;
import com.lakesail.local.workflow.data.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one state machine definition on one input and prints the result as JSON: the output, or
 * {@code {"error": ..., "cause": ...}}, and with {@code --history} the execution's events. Waits,
 * retry backoffs and timeouts run on a virtual clock, so a run takes no wall-clock time. Task
 * states answer from a Step Functions Local mock configuration ({@code --mock-config}).
 *
 * <pre>
 * usage: WorkflowRunner DEFINITION.json [--input JSON | --input-file FILE]
 *                       [--mock-config FILE [--state-machine NAME] [--test-case NAME]]
 *                       [--substitute KEY=VALUE]... [--history]
 * exit status: 0 succeeded, 1 failed or timed out, 64 usage or definition error
 * </pre>
 */
public final class WorkflowRunner {
    static final int SUCCEEDED = 0;
    static final int FAILED = 1;
    static final int USAGE = 64;
    private static final int MAX_ROUNDS = 1_000_000;

    private WorkflowRunner() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static final String USAGE_TEXT = """
            usage: WorkflowRunner DEFINITION.json [--input JSON | --input-file FILE]
                                  [--mock-config FILE [--state-machine NAME] [--test-case NAME]]
                                  [--substitute KEY=VALUE]... [--history]
            Runs one state machine definition on one input with the local engine and prints the output,
            or {"error", "cause"}, as JSON; --history adds the execution's events. Task states answer from
            a Step Functions Local mock file, e.g. statemachines/mocks/cluster-provision.json.
            exit status: 0 succeeded, 1 failed or timed out, 64 usage or definition error""";

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE_TEXT);
            return SUCCEEDED;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("WorkflowRunner: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            return execute(options, out);
        } catch (NoSuchFileException e) {
            err.println("WorkflowRunner: no such file: " + e.getFile());
            return USAGE;
        } catch (IllegalArgumentException | WorkflowException | IOException e) {
            err.println("WorkflowRunner: " + e.getMessage());
            return USAGE;
        }
    }

    private static int execute(Options options, PrintStream out) throws IOException {
        String definition = DefinitionSubstitutions.apply(Files.readString(options.definition), options.substitutions);
        String input = options.inputFile != null ? Files.readString(options.inputFile) : options.input;
        TaskRegistry tasks = new TaskRegistry();
        String machine = "main";
        if (options.mockConfig != null) {
            MockConfig config = MockConfig.parse(Files.readString(options.mockConfig));
            machine = config.stateMachine(options.stateMachine);
            config.register(machine, config.testCase(machine, options.testCase), tasks);
        }
        ManualClock clock = new ManualClock(Instant.now());
        try (SqliteStore store = SqliteStore.inMemory();
             WorkflowEngine engine = WorkflowEngine.builder().store(store).clock(clock).tasks(tasks).workers(0).build()) {
            engine.createStateMachine(machine, definition);
            String arn = engine.start(machine, "run", input);
            Workflows.Execution result = runToEnd(engine, clock, arn);
            ObjectNode report = Json.object();
            if (options.history) {
                report.put("status", result.status().name());
            }
            if (result.status() == Workflows.Status.SUCCEEDED) {
                report.set("output", Json.parse(result.output()));
            } else {
                report.put("error", result.error()).put("cause", result.cause());
            }
            JsonNode printed = report.has("output") ? report.get("output") : report;
            if (options.history) {
                report.set("history", history(engine, arn));
                printed = report;
            }
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(printed));
            return result.status() == Workflows.Status.SUCCEEDED ? SUCCEEDED : FAILED;
        }
    }

    /**
     * Runs until the execution ends. Every Task state either has a mocked answer or fails for want
     * of a handler, so only the clock can be left to move.
     */
    private static Workflows.Execution runToEnd(WorkflowEngine engine, ManualClock clock, String arn) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            engine.runUntilIdle();
            Workflows.Execution e = engine.describe(arn).orElseThrow();
            Optional<Instant> next = engine.nextTimerDue();
            if (e.status().isTerminal() || next.isEmpty()) {
                return e;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
        }
        return engine.describe(arn).orElseThrow();
    }

    private static ArrayNode history(WorkflowEngine engine, String arn) {
        ArrayNode events = Json.MAPPER.createArrayNode();
        for (HistoryEvent e : engine.history(arn)) {
            ObjectNode event = events.addObject();
            event.put("id", e.id()).put("previousEventId", e.previousEventId()).put("type", e.type())
                    .put("timestamp", e.timestamp().toString());
            event.set("details", e.details());
        }
        return events;
    }

    private static final class Options {
        Path definition;
        String input = "{}";
        Path inputFile;
        Path mockConfig;
        String stateMachine;
        String testCase;
        boolean history;
        final Map<String, String> substitutions = new HashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--input" -> o.input = value(args, ++i, arg);
                    case "--input-file" -> o.inputFile = Path.of(value(args, ++i, arg));
                    case "--mock-config" -> o.mockConfig = Path.of(value(args, ++i, arg));
                    case "--state-machine" -> o.stateMachine = value(args, ++i, arg);
                    case "--test-case" -> o.testCase = value(args, ++i, arg);
                    case "--history" -> o.history = true;
                    case "--substitute" -> {
                        String pair = value(args, ++i, arg);
                        int eq = pair.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--substitute takes KEY=VALUE, not " + pair);
                        }
                        o.substitutions.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    default -> {
                        if (arg.startsWith("--") || o.definition != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        o.definition = Path.of(arg);
                    }
                }
            }
            if (o.definition == null) {
                throw new IllegalArgumentException("the definition file is missing");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
