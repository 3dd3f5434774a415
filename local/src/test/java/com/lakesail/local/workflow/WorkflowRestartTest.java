package com.lakesail.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.port.Workflows;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.workflow.data.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executions parked on a Wait, a task token, a retry backoff and inside a Parallel branch survive
 * the engine: a new engine on the same SQLite file resumes them with their original deadlines.
 */
class WorkflowRestartTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private final List<String> tokens = new ArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();

    @Test
    void newEngine_onTheSameStore_completesParkedExecutions() {
        Path file = dir.resolve("workflows.db");
        String waiting;
        String callback;
        String retrying;
        String parallel;
        try (SqliteStore store = SqliteStore.open(file); WorkflowEngine engine = engine(store)) {
            engine.createStateMachine("wait", """
                    {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 300, "Next": "P"},
                     "P": {"Type": "Pass", "Result": "waited", "End": true}}}
                    """);
            engine.createStateMachine("callback", """
                    {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 3600,
                      "Parameters": {"FunctionName": "approver", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}}
                    """);
            engine.createStateMachine("retrying", """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "flaky"}, "OutputPath": "$.Payload",
                      "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 50}], "End": true}}}
                    """);
            engine.createStateMachine("parallel", """
                    {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true, "Branches": [
                      {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 200, "End": true}}},
                      {"StartAt": "Fast", "States": {"Fast": {"Type": "Pass", "Result": "fast", "End": true}}}]}}}
                    """);
            waiting = engine.start("wait", "w", "{}");
            callback = engine.start("callback", "c", "{}");
            retrying = engine.start("retrying", "r", "{}");
            parallel = engine.start("parallel", "p", "{\"slow\": true}");
            engine.runUntilIdle();
            clock.advance(Duration.ofSeconds(30));
            engine.runUntilIdle();
        }
        assertEquals(1, tokens.size());
        assertEquals(1, flakyCalls.get());

        try (SqliteStore store = SqliteStore.open(file); WorkflowEngine engine = engine(store)) {
            engine.runUntilIdle();
            assertEquals(Workflows.Status.RUNNING, engine.describe(waiting).orElseThrow().status());
            assertEquals(START.plusSeconds(50), engine.nextTimerDue().orElseThrow(), "the retry keeps its backoff deadline");

            engine.sendTaskSuccess(tokens.get(0), "{\"approved\":true}");
            clock.set(START.plusSeconds(50));
            engine.runUntilIdle();
            assertEquals("{\"approved\":true}", engine.describe(callback).orElseThrow().output());
            assertEquals("\"ok\"", engine.describe(retrying).orElseThrow().output());

            clock.set(START.plusSeconds(199));
            engine.runUntilIdle();
            assertEquals(Workflows.Status.RUNNING, engine.describe(parallel).orElseThrow().status());
            clock.set(START.plusSeconds(200));
            engine.runUntilIdle();
            assertEquals(Json.parse("[{\"slow\":true},\"fast\"]"), Json.parse(engine.describe(parallel).orElseThrow().output()));

            clock.set(START.plusSeconds(299));
            engine.runUntilIdle();
            assertEquals(Workflows.Status.RUNNING, engine.describe(waiting).orElseThrow().status());
            clock.set(START.plusSeconds(300));
            engine.runUntilIdle();
            assertEquals("\"waited\"", engine.describe(waiting).orElseThrow().output());
            assertEquals(List.of("ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered",
                    "PassStateExited", "ExecutionSucceeded"), engine.history(waiting).stream().map(HistoryEvent::type).toList());
        }
    }

    private WorkflowEngine engine(SqliteStore store) {
        TaskRegistry tasks = new TaskRegistry()
                .register("approver", input -> {
                    tokens.add(input.get("token").asText());
                    return Json.object();
                })
                .register("flaky", input -> {
                    if (flakyCalls.getAndIncrement() == 0) {
                        throw new TaskFailedException("Busy", "try later");
                    }
                    return Json.NODES.textNode("ok");
                });
        return WorkflowEngine.builder().store(store).clock(clock).tasks(tasks).workers(0).build();
    }
}
