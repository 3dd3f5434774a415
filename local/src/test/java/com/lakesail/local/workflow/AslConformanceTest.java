package com.lakesail.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.workflow.asl.InvalidDefinitionException;
import com.lakesail.local.workflow.data.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance case in {@code src/test/resources/asl-conformance/} (format: that folder's
 * README.md) against a fresh engine on an in-memory SQLite store, driven by a manual clock that
 * jumps to the next due timer whenever the engine is idle.
 *
 * <p>Task mocks are keyed by the lambda:invoke FunctionName or the function ARN resource; each key
 * counts its own attempts and repeats its last answer. For {@code .waitForTaskToken} tasks the
 * {@code callback} answer is sent once the engine is idle, with the first string of the payload
 * that the engine accepts as the task's token ({@code "heartbeatTimeout"}: never answered).
 *
 * <p>A case's optional {@code "history"} lists event types in order and is compared with the whole
 * history. The runner adds nothing to the format.
 */
class AslConformanceTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int MAX_ROUNDS = 10_000;

    @TestFactory
    Stream<DynamicTest> conformanceCases() throws IOException, URISyntaxException {
        Path folder = Path.of(AslConformanceTest.class.getResource("/asl-conformance").toURI());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode content = Json.MAPPER.readTree(file.toFile());
                List<JsonNode> cases = new ArrayList<>();
                if (content.isArray()) {
                    content.forEach(cases::add);
                } else {
                    cases.add(content);
                }
                for (JsonNode c : cases) {
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + c.get("name").asText(), () -> run(c)));
                }
            }
        }
        assertTrue(tests.size() >= 150, "at least 150 conformance cases, found " + tests.size());
        return tests.stream();
    }

    private static void run(JsonNode c) {
        ManualClock clock = new ManualClock(START);
        TaskRegistry registry = new TaskRegistry();
        List<Runnable> callbacks = new ArrayList<>();
        WorkflowEngine[] engine = new WorkflowEngine[1];
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("tasks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> mock = it.next();
            registry.register(mock.getKey(), handler(mock.getValue(), callbacks, engine));
        }
        try (SqliteStore store = SqliteStore.inMemory()) {
            engine[0] = WorkflowEngine.builder().store(store).clock(clock).tasks(registry).workers(0).build();
            String definition = Json.write(c.get("definition"));
            JsonNode expected = c.get("expected");
            if (expected.has("validationError")) {
                InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                        () -> engine[0].createStateMachine("conformance", definition));
                String fragment = expected.get("validationError").asText();
                assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should name " + fragment);
                return;
            }
            engine[0].createStateMachine("conformance", definition);
            String arn = engine[0].startExecution("conformance", "case", Json.write(c.get("input")));
            Workflows.Execution result = runToEnd(engine[0], clock, arn, callbacks);
            if (expected.has("output")) {
                assertEquals(Workflows.Status.SUCCEEDED, result.status(), () -> "failed: " + result.error() + ": " + result.cause());
                assertEquals(expected.get("output"), Json.parse(result.output()));
            } else {
                assertTrue(result.status() == Workflows.Status.FAILED || result.status() == Workflows.Status.TIMED_OUT,
                        () -> "expected failure, got " + result.status() + " with " + result.output());
                assertEquals(expected.get("error").asText(), result.error(), () -> "cause: " + result.cause());
                if (expected.has("cause")) {
                    assertEquals(expected.get("cause").asText(), result.cause());
                }
            }
            if (c.has("history")) {
                List<String> types = engine[0].history(arn).stream().map(HistoryEvent::type).toList();
                List<String> want = new ArrayList<>();
                c.get("history").forEach(t -> want.add(t.asText()));
                assertEquals(want, types);
            }
            engine[0].close();
        }
    }

    private static Workflows.Execution runToEnd(WorkflowEngine engine, ManualClock clock, String arn,
                                                List<Runnable> callbacks) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            engine.runUntilIdle();
            if (!callbacks.isEmpty()) {
                List<Runnable> now = new ArrayList<>(callbacks);
                callbacks.clear();
                now.forEach(Runnable::run);
                continue;
            }
            Workflows.Execution e = engine.describe(arn).orElseThrow();
            if (e.status().isTerminal()) {
                return e;
            }
            Optional<Instant> next = engine.nextTimerDue();
            if (next.isEmpty()) {
                fail("the execution waits for nothing the harness can provide: " + engine.history(arn));
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
        }
        return fail("the execution did not finish in " + MAX_ROUNDS + " rounds");
    }

    private static TaskHandler handler(JsonNode mock, List<Runnable> callbacks, WorkflowEngine[] engine) {
        AtomicInteger attempts = new AtomicInteger();
        return input -> {
            int attempt = attempts.getAndIncrement();
            if (mock.has("callback")) {
                JsonNode callback = mock.get("callback");
                if (callback.isObject()) {
                    callbacks.add(() -> answer(engine[0], input, callback));
                }
                return Json.object();
            }
            JsonNode answer;
            if (mock.has("sequence")) {
                answer = pick(mock.get("sequence"), attempt);
            } else if (mock.has("throws")) {
                answer = Json.object().set("throws", pick(mock.get("throws"), attempt));
            } else {
                answer = Json.object().set("returns", pick(mock.get("returns"), attempt));
            }
            if (answer.has("throws")) {
                JsonNode t = answer.get("throws");
                throw new TaskFailedException(t.get("error").asText(), t.hasNonNull("cause") ? t.get("cause").asText() : null);
            }
            return answer.get("returns");
        };
    }

    private static JsonNode pick(JsonNode answers, int attempt) {
        return answers.get(Math.min(attempt, answers.size() - 1));
    }

    /** Sends the callback with the first string of the payload that the engine accepts as a token. */
    private static void answer(WorkflowEngine engine, JsonNode payload, JsonNode callback) {
        List<String> strings = new ArrayList<>();
        collectStrings(payload, strings);
        for (String candidate : strings) {
            try {
                if (callback.has("success")) {
                    engine.sendTaskSuccess(candidate, Json.write(callback.get("success")));
                } else {
                    JsonNode failure = callback.get("failure");
                    engine.sendTaskFailure(candidate, failure.get("error").asText(),
                            failure.hasNonNull("cause") ? failure.get("cause").asText() : null);
                }
                return;
            } catch (TaskTokenException notTheToken) {
                // keep looking
            }
        }
        fail("no task token in the payload " + payload);
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        }
        node.forEach(child -> collectStrings(child, out));
    }
}
