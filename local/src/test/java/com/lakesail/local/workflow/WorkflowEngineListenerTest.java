package com.lakesail.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.port.Workflows;
import com.lakesail.local.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's counterpart of EventBridge execution status events, and a start deferred until the
 * host has registered its handlers: a resumed execution never runs before its task handler exists.
 */
class WorkflowEngineListenerTest {
    private static final String WAIT_THEN_TASK = """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 10, "Next": "T"},
             "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fn"},
                   "End": true}}}
            """;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Workflows.Execution> ended = new CopyOnWriteArrayList<>();

    @Test
    void onExecutionEnd_whenExecutionsSucceedAndAreAborted_isToldOnceEach() {
        try (SqliteStore store = SqliteStore.inMemory();
             WorkflowEngine engine = WorkflowEngine.builder().store(store).clock(clock).workers(0).build()) {
            engine.onExecutionEnd(ended::add);
            engine.createStateMachine("pass", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
            engine.createStateMachine("wait", WAIT_THEN_TASK);
            engine.start("pass", "p", "{}");
            String waiting = engine.start("wait", "w", "{\"x\":1}");
            engine.runUntilIdle();
            engine.stop(waiting, "Operator.Abort", "by hand");
            engine.stop(waiting, "Operator.Abort", "again");

            assertEquals(List.of("p:SUCCEEDED", "w:ABORTED"), ended.stream().map(e -> e.name() + ":" + e.status()).toList());
            assertEquals("{\"x\":1}", ended.get(1).input());
            assertEquals("Operator.Abort", ended.get(1).error());
        }
    }

    @Test
    void deferStart_whenExecutionsWerePersisted_resumesThemOnlyOnStart() {
        Path file = dir.resolve("w.db");
        try (SqliteStore store = SqliteStore.open(file);
             WorkflowEngine engine = WorkflowEngine.builder().store(store).clock(clock).workers(0).build()) {
            engine.createStateMachine("wait", WAIT_THEN_TASK);
            engine.start("wait", "w", "{}");
            engine.runUntilIdle();
        }
        clock.set(clock.instant().plusSeconds(10));
        try (SqliteStore store = SqliteStore.open(file);
             WorkflowEngine engine = WorkflowEngine.builder().store(store).clock(clock).workers(0).deferStart().build()) {
            assertEquals(0, engine.runUntilIdle(), "nothing runs before start()");
            engine.tasks().register("fn", input -> input);
            engine.onExecutionEnd(ended::add);
            engine.start();
            engine.runUntilIdle();
            assertEquals(List.of("w:SUCCEEDED"), ended.stream().map(e -> e.name() + ":" + e.status()).toList());
        }
    }
}
