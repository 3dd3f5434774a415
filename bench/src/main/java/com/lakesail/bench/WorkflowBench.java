package com.lakesail.bench;

import com.lakesail.backend.port.Workflows;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.workflow.HistoryEvent;
import com.lakesail.local.workflow.WorkflowEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the local workflow engine with every state transition persisted to a SQLite file (WAL),
 * as the local backend runs it:
 * <ul>
 *   <li>executions/s of a 10-state Pass/Choice machine, and the persisted state transitions/s that make;</li>
 *   <li>one Map over 1,000 items (a Pass per item): items/s;</li>
 * </ul>
 * The engine is driven in the calling thread (no worker threads), so the figures are for one core
 * doing all the work, the store's single writer included. Target: at least 2,000 persisted
 * transitions/s on 2 cores.
 * Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=com.lakesail.bench.WorkflowBench [-Dexec.args="3000"]}.
 */
public final class WorkflowBench {
    private static final String PASS_CHOICE = """
            {"StartAt": "S1", "States": {
              "S1": {"Type": "Pass", "Result": 1, "ResultPath": "$.n", "Next": "S2"},
              "S2": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 0, "Next": "S3"}], "Default": "S10"},
              "S3": {"Type": "Pass", "Parameters": {"n.$": "$.n", "id.$": "$.id", "step": 3}, "Next": "S4"},
              "S4": {"Type": "Choice", "Choices": [{"Variable": "$.step", "NumericEquals": 3, "Next": "S5"}], "Default": "S10"},
              "S5": {"Type": "Pass", "Result": {"ok": true}, "ResultPath": "$.check", "Next": "S6"},
              "S6": {"Type": "Choice", "Choices": [{"Variable": "$.check.ok", "BooleanEquals": true, "Next": "S7"}], "Default": "S10"},
              "S7": {"Type": "Pass", "Parameters": {"id.$": "$.id", "label.$": "States.Format('run {}', $.id)"}, "Next": "S8"},
              "S8": {"Type": "Choice", "Choices": [{"Variable": "$.label", "StringMatches": "run *", "Next": "S9"}], "Default": "S10"},
              "S9": {"Type": "Pass", "Next": "S10"},
              "S10": {"Type": "Succeed"}}}
            """;
    private static final String MAP = """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
              "ItemProcessor": {"StartAt": "Double", "States": {"Double": {"Type": "Pass",
                "Parameters": {"v.$": "$", "doubled.$": "States.MathAdd($, $)"}, "End": true}}}}}}
            """;

    private WorkflowBench() {
    }

    public static void main(String[] args) throws Exception {
        int executions = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        Path dir = Files.createTempDirectory("lakesail-workflow-bench");
        try (SqliteStore store = SqliteStore.open(dir.resolve("workflows.db"));
             WorkflowEngine engine = WorkflowEngine.builder().store(store).workers(0).build()) {
            engine.createStateMachine("pass-choice", PASS_CHOICE);
            engine.createStateMachine("map", MAP);
            System.out.println("LakeSail local workflow engine bench (SQLite file in WAL mode, every transition persisted, "
                    + Runtime.getRuntime().availableProcessors() + " cores, driven by 1 thread)");

            passChoice(engine, "warm-up", executions / 3, store);
            Result r = passChoice(engine, "run", executions, store);
            System.out.printf("10-state Pass/Choice: %d executions in %.2f s = %.0f executions/s%n",
                    executions, r.seconds(), executions / r.seconds());
            System.out.printf("  persisted state transitions: %d in %.2f s = %.0f transitions/s (target >= 2,000/s),"
                    + " %.1f store transactions per execution%n",
                    r.transitions(), r.seconds(), r.transitions() / r.seconds(), (double) r.transactions() / executions);

            map(engine, "warm-up");
            long before = store.roundTrips();
            long start = System.nanoTime();
            String arn = map(engine, "run");
            double seconds = (System.nanoTime() - start) / 1e9;
            long transitions = engine.history(arn).stream().filter(e -> e.type().endsWith("StateEntered")).count();
            System.out.printf("Map over 1,000 items: %.2f s = %.0f items/s, %.2f executions/s"
                    + " (%d state transitions, %d store transactions)%n",
                    seconds, 1000 / seconds, 1 / seconds, transitions, store.roundTrips() - before);
        }
    }

    private record Result(double seconds, long transitions, long transactions) {
    }

    private static Result passChoice(WorkflowEngine engine, String label, int count, SqliteStore store) {
        List<String> arns = new ArrayList<>(count);
        long trips = store.roundTrips();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            arns.add(engine.start("pass-choice", label + "-" + i, "{\"id\": " + i + "}"));
            if (i % 100 == 99) {
                engine.runUntilIdle();
            }
        }
        engine.runUntilIdle();
        double seconds = (System.nanoTime() - start) / 1e9;
        long transactions = store.roundTrips() - trips;
        for (String arn : List.of(arns.get(0), arns.get(arns.size() - 1))) {
            Workflows.Execution e = engine.describe(arn).orElseThrow();
            if (e.status() != Workflows.Status.SUCCEEDED) {
                throw new IllegalStateException(arn + " ended " + e.status() + ": " + e.error() + " " + e.cause());
            }
        }
        List<HistoryEvent> history = engine.history(arns.get(0));
        long transitionsPerExecution = history.stream().filter(e -> e.type().endsWith("StateEntered")).count();
        return new Result(seconds, transitionsPerExecution * count, transactions);
    }

    private static String map(WorkflowEngine engine, String label) {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        String arn = engine.start("map", label, "{\"items\": " + items + "]}");
        engine.runUntilIdle();
        Workflows.Execution e = engine.describe(arn).orElseThrow();
        if (e.status() != Workflows.Status.SUCCEEDED) {
            throw new IllegalStateException("the Map ended " + e.status() + ": " + e.error() + " " + e.cause());
        }
        return arn;
    }
}
