package com.lakesail.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.WorkflowException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.workflow.asl.InvalidDefinitionException;
import com.lakesail.local.workflow.data.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowEngineTest {
    private static final String CALLBACK = """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                      "Parameters": {"FunctionName": "approver", "Payload": {"token.$": "$$.Task.Token"}},
                      "HeartbeatSeconds": 10, "TimeoutSeconds": 3600,
                      "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": "$.rejection", "Next": "Rejected"}],
                      "End": true},
              "Rejected": {"Type": "Pass", "End": true}}}
            """;
    private static final String WAIT = """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "Next": "P"},
             "P": {"Type": "Pass", "Result": "done", "End": true}}}
            """;

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final TaskRegistry tasks = new TaskRegistry();
    private final List<String> tokens = new ArrayList<>();
    private final SqliteStore store = SqliteStore.inMemory();
    private final WorkflowEngine engine;

    WorkflowEngineTest() {
        tasks.register("approver", input -> {
            tokens.add(input.get("token").asText());
            return Json.object();
        });
        engine = WorkflowEngine.builder().store(store).clock(clock).tasks(tasks).workers(0).build();
        engine.createStateMachine("callback", CALLBACK);
        engine.createStateMachine("wait", WAIT);
    }

    @AfterEach
    void close() {
        engine.close();
        store.close();
    }

    @Test
    void start_whenSameNameTwice_startsOnce() {
        String first = engine.start("wait", "job-1-run-1", "{\"a\":1}");
        String second = engine.start("wait", "job-1-run-1", "{\"a\":2}");
        engine.runUntilIdle();

        assertEquals(first, second);
        assertEquals("arn:aws:states:us-east-1:123456789012:execution:wait:job-1-run-1", first);
        assertEquals(1, engine.history(first).stream().filter(e -> e.type().equals("ExecutionStarted")).count());
        assertEquals("{\"a\":1}", engine.describe(first).orElseThrow().input());
    }

    @Test
    void startExecution_whenSameNameAndInputWhileRunning_returnsSameExecution() {
        String first = engine.startExecution("wait", "x", "{\"a\":1}");

        assertEquals(first, engine.startExecution("wait", "x", "{\"a\":1}"));
        assertThrows(ExecutionAlreadyExistsException.class, () -> engine.startExecution("wait", "x", "{\"a\":2}"));
    }

    @Test
    void startExecution_whenFinishedExecutionHasTheName_throwsExecutionAlreadyExists() {
        engine.startExecution("wait", "x", "{}");
        finish();

        assertThrows(ExecutionAlreadyExistsException.class, () -> engine.startExecution("wait", "x", "{}"));
    }

    @Test
    void start_whenStateMachineUnknown_throwsWorkflowException() {
        assertThrows(WorkflowException.class, () -> engine.start("nope", "x", "{}"));
    }

    @Test
    void createStateMachine_whenInvalid_namesTheState() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> engine.createStateMachine("bad",
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}"));

        assertTrue(e.getMessage().contains("State 'A'"), e.getMessage());
        assertTrue(e.getMessage().contains("Nowhere"), e.getMessage());
    }

    @Test
    void describe_whenSucceeded_hasOutputAndStopTime() {
        String arn = engine.start("wait", "x", "{}");
        engine.runUntilIdle();
        assertEquals(Workflows.Status.RUNNING, engine.describe(arn).orElseThrow().status());
        assertNull(engine.describe(arn).orElseThrow().stoppedAt());

        finish();

        Workflows.Execution done = engine.describe(arn).orElseThrow();
        assertEquals(Workflows.Status.SUCCEEDED, done.status());
        assertEquals("\"done\"", done.output());
        assertEquals(Instant.parse("2024-05-01T10:01:00Z"), done.stoppedAt());
        assertEquals("wait", done.stateMachine());
        assertEquals("x", done.name());
    }

    @Test
    void describe_whenUnknown_isEmpty() {
        assertTrue(engine.describe("arn:aws:states:us-east-1:123456789012:execution:wait:nope").isEmpty());
    }

    @Test
    void stop_whenRunning_abortsAndIgnoresLaterTimers() {
        String arn = engine.start("wait", "x", "{}");
        engine.runUntilIdle();

        engine.stop(arn, "Cancelled", "user asked");
        finish();

        Workflows.Execution e = engine.describe(arn).orElseThrow();
        assertEquals(Workflows.Status.ABORTED, e.status());
        assertEquals("Cancelled", e.error());
        assertEquals("user asked", e.cause());
        List<HistoryEvent> history = engine.history(arn);
        assertEquals("ExecutionAborted", history.get(history.size() - 1).type());
        assertEquals(List.of("ExecutionStarted", "WaitStateEntered", "ExecutionAborted"),
                history.stream().map(HistoryEvent::type).toList());
    }

    @Test
    void list_filtersByStateMachineAndStatus_newestFirst() {
        String running = engine.start("wait", "a", "{}");
        engine.runUntilIdle();
        clock.advance(Duration.ofSeconds(1));
        String aborted = engine.start("wait", "b", "{}");
        engine.stop(aborted, null, null);
        clock.advance(Duration.ofSeconds(1));
        engine.start("callback", "c", "{}");
        engine.runUntilIdle();

        Page<Workflows.Execution> all = engine.list("wait", null, 10, null);
        Page<Workflows.Execution> runningOnly = engine.list("wait", Workflows.Status.RUNNING, 10, null);

        assertEquals(List.of(aborted, running), all.items().stream().map(Workflows.Execution::id).toList());
        assertEquals(List.of(running), runningOnly.items().stream().map(Workflows.Execution::id).toList());
        assertEquals(1, engine.list("wait", Workflows.Status.ABORTED, 10, null).items().size());
    }

    @Test
    void list_pagesWithNextToken() {
        for (int i = 0; i < 3; i++) {
            engine.start("wait", "e" + i, "{}");
            clock.advance(Duration.ofSeconds(1));
        }
        Page<Workflows.Execution> first = engine.list("wait", null, 2, null);
        Page<Workflows.Execution> second = engine.list("wait", null, 2, first.nextToken());

        assertEquals(2, first.items().size());
        assertEquals(1, second.items().size());
        assertEquals("e0", second.items().get(0).name());
    }

    @Test
    void sendTaskSuccess_completesTheWaitingTask() {
        String arn = engine.start("callback", "x", "{}");
        engine.runUntilIdle();
        assertEquals(1, tokens.size());

        engine.sendTaskSuccess(tokens.get(0), "{\"approved\":true}");
        engine.runUntilIdle();

        Workflows.Execution e = engine.describe(arn).orElseThrow();
        assertEquals(Workflows.Status.SUCCEEDED, e.status());
        assertEquals("{\"approved\":true}", e.output());
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
                "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"), types(arn));
    }

    @Test
    void sendTaskFailure_appliesCatch() {
        String arn = engine.start("callback", "x", "{\"id\":7}");
        engine.runUntilIdle();

        engine.sendTaskFailure(tokens.get(0), "Rejected", "not today");
        engine.runUntilIdle();

        Workflows.Execution e = engine.describe(arn).orElseThrow();
        assertEquals(Workflows.Status.SUCCEEDED, e.status());
        assertEquals(Json.parse("{\"id\":7,\"rejection\":{\"Error\":\"Rejected\",\"Cause\":\"not today\"}}"),
                Json.parse(e.output()));
    }

    @Test
    void sendTaskSuccess_whenTokenAlreadyUsedOrForged_throwsTaskTokenException() {
        engine.start("callback", "x", "{}");
        engine.runUntilIdle();
        engine.sendTaskSuccess(tokens.get(0), "{}");

        assertThrows(TaskTokenException.class, () -> engine.sendTaskSuccess(tokens.get(0), "{}"));
        assertThrows(TaskTokenException.class, () -> engine.sendTaskSuccess("not-a-token", "{}"));
        assertThrows(TaskTokenException.class, () -> engine.sendTaskHeartbeat(tokens.get(0)));
    }

    @Test
    void sendTaskHeartbeat_pushesTheHeartbeatDeadline() {
        String arn = engine.start("callback", "x", "{}");
        engine.runUntilIdle();

        advance(8);
        engine.sendTaskHeartbeat(tokens.get(0));
        advance(8);
        assertEquals(Workflows.Status.RUNNING, engine.describe(arn).orElseThrow().status());
        advance(3);

        Workflows.Execution e = engine.describe(arn).orElseThrow();
        assertEquals(Workflows.Status.FAILED, e.status());
        assertEquals("States.HeartbeatTimeout", e.error());
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
                "TaskTimedOut", "ExecutionFailed"), types(arn));
    }

    @Test
    void callback_whenHandlerAnswersBeforeReturning_succeedsAfterTaskSubmitted() {
        tasks.register("approver", input -> {
            engine.sendTaskSuccess(input.get("token").asText(), "\"quick\"");
            return Json.object();
        });
        String arn = engine.start("callback", "x", "{}");
        engine.runUntilIdle();

        assertEquals("\"quick\"", engine.describe(arn).orElseThrow().output());
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
                "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"), types(arn));
    }

    @Test
    void map_withMaxConcurrency_startsItemsAsOthersFinish() {
        engine.createStateMachine("fanout", """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 2, "ItemsPath": "$.items",
                  "ItemSelector": {"n.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index", "tag.$": "$.tag"},
                  "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
                    "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                    "Parameters": {"FunctionName": "approver", "Payload": {"token.$": "$$.Task.Token"}},
                    "ResultPath": "$.answer", "End": true}}},
                  "End": true}}}
                """);
        String arn = engine.start("fanout", "x", "{\"items\": [10, 20, 30, 40, 50], \"tag\": \"t\"}");
        engine.runUntilIdle();
        assertEquals(2, tokens.size());

        for (int answered = 0; answered < 5; answered++) {
            engine.sendTaskSuccess(tokens.get(answered), String.valueOf(answered));
            engine.runUntilIdle();
            assertEquals(Math.min(5, answered + 3), tokens.size());
        }

        Workflows.Execution e = engine.describe(arn).orElseThrow();
        assertEquals(Workflows.Status.SUCCEEDED, e.status());
        JsonNode output = Json.parse(e.output());
        assertEquals(5, output.size());
        assertEquals(Json.parse("{\"n\":30,\"i\":2,\"tag\":\"t\",\"answer\":2}"), output.get(2));
    }

    @Test
    void task_whenNoHandlerIsRegistered_failsWithResourceNotFound() {
        engine.createStateMachine("orphan", """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "missing"}, "End": true}}}
                """);
        String arn = engine.start("orphan", "x", "{}");
        engine.runUntilIdle();

        assertEquals("Lambda.ResourceNotFoundException", engine.describe(arn).orElseThrow().error());
    }

    @Test
    void history_linksEventsAndRecordsDetails() {
        String arn = engine.start("wait", "x", "{\"k\":1}");
        finish();

        List<HistoryEvent> history = engine.history(arn);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), history.stream().map(HistoryEvent::id).toList());
        assertEquals(1L, history.get(1).previousEventId());
        assertEquals("W", history.get(1).details().get("name").asText());
        assertEquals("{\"k\":1}", history.get(1).details().get("input").asText());
        assertEquals("\"done\"", history.get(5).details().get("output").asText());
        assertEquals(Instant.parse("2024-05-01T10:01:00Z"), history.get(2).timestamp());
    }

    @Test
    void workers_runExecutionsAndTimersWithoutDriving() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        TaskRegistry registry = new TaskRegistry().register("finish", input -> {
            done.countDown();
            return input;
        });
        try (SqliteStore threadedStore = SqliteStore.inMemory();
             WorkflowEngine threaded = WorkflowEngine.builder().store(threadedStore).clock(clock).tasks(registry)
                     .workers(2).build()) {
            threaded.createStateMachine("timed", """
                    {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "Next": "T"},
                     "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:finish", "End": true}}}
                    """);
            threaded.start("timed", "x", "{}");
            assertFalse(done.await(50, TimeUnit.MILLISECONDS), "the Wait must not end before the clock moves");

            clock.advance(Duration.ofSeconds(60));
            threaded.clockChanged();

            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
    }

    private List<String> types(String arn) {
        return engine.history(arn).stream().map(HistoryEvent::type).toList();
    }

    private void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        engine.runUntilIdle();
    }

    /** Moves the clock from timer to timer until nothing is pending. */
    private void finish() {
        engine.runUntilIdle();
        for (var next = engine.nextTimerDue(); next.isPresent(); next = engine.nextTimerDue()) {
            assertNotNull(next.get());
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
            engine.runUntilIdle();
        }
    }
}
