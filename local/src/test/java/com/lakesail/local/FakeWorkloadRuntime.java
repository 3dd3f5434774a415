package com.lakesail.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.Callback;
import com.lakesail.backend.port.LogPage;
import com.lakesail.backend.port.RunnerSpec;
import com.lakesail.backend.port.SailSpec;
import com.lakesail.backend.port.Workload;
import com.lakesail.backend.port.WorkloadRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays a run's Sail and runner the way the real ones behave on the wire: it reports through the
 * run's callback over HTTP, with the credential the spec carries, exactly as the runner protocol
 * says. What it reports is scripted per run by the run's first SQL statement ({@link #script});
 * an unscripted run succeeds with one row.
 *
 * <p>A script's reports happen inside {@code createSail} / {@code createRunner} (so they arrive
 * before the waiting stage stored its token), unless the script is {@link Runner#held()}: then the
 * test reports later, with {@link #succeed}, {@link #fail}, {@link #heartbeat} (after the token).
 */
final class FakeWorkloadRuntime implements WorkloadRuntime {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SAIL_ENDPOINT = "sc://localhost:15002";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Runner> scripts = new ConcurrentHashMap<>();
    private final Map<String, SailSpec> sails = new ConcurrentHashMap<>();
    private final Map<String, RunnerSpec> runners = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private volatile Sail sail = Sail.READY;

    /** What the Sail watcher reports for every run. */
    enum Sail {
        READY, FAILED, SILENT
    }

    /** What a runner does. */
    record Runner(String outcome, String errorClass, String message, ObjectNode result, boolean hold) {

        /** Reports success with the result preview {@code columns} ({@code name:type}) and {@code rows}. */
        static Runner succeed(List<String> columns, List<List<Object>> rows) {
            ObjectNode result = JSON.createObjectNode();
            ArrayNode cols = result.putArray("columns");
            for (String c : columns) {
                cols.addObject().put("name", c.split(":")[0]).put("type", c.split(":")[1]);
            }
            result.set("rows", JSON.valueToTree(rows));
            result.put("truncated", false);
            return new Runner("succeeded", null, null, result, false);
        }

        /** Reports what the engine said of a failed statement. */
        static Runner fail(String errorClass, String message) {
            return new Runner("failed", errorClass, message, null, false);
        }

        /** Reports {@code started}, then nothing until the test says. */
        static Runner held() {
            return new Runner(null, null, null, null, true);
        }
    }

    void sail(Sail behaviour) {
        this.sail = behaviour;
    }

    /** The runner of every run whose first statement is {@code statement}. */
    void script(String statement, Runner runner) {
        scripts.put(statement, runner);
    }

    @Override
    public void createSail(SailSpec spec) {
        sails.put(spec.workload().id(), spec);
        switch (sail) {
            case READY -> report(spec.callback(), JSON.createObjectNode().put("type", "sail_ready").put("endpoint", SAIL_ENDPOINT));
            case FAILED -> report(spec.callback(), JSON.createObjectNode().put("type", "sail_failed")
                    .put("message", "java.net.BindException: Address already in use"));
            case SILENT -> { }
        }
    }

    @Override
    public void createRunner(RunnerSpec spec) {
        runners.put(spec.workload().id(), spec);
        Runner runner = scripts.getOrDefault(firstStatement(spec), Runner.succeed(List.of("n:bigint"), List.of(List.of(1))));
        report(spec.callback(), JSON.createObjectNode().put("type", "started"));
        report(spec.callback(), logs("runner", "connected to " + spec.sparkRemote(), "running statement 1"));
        if (!runner.hold()) {
            finish(spec.callback(), runner);
        }
    }

    @Override
    public LogPage readLogs(Workload workload, String cursor) {
        if (cursor != null) {
            return new LogPage(List.of(), cursor);
        }
        return new LogPage(List.of(new LogPage.Line("sail", "Spark Connect server started at " + SAIL_ENDPOINT)), "1");
    }

    @Override
    public void delete(Workload workload) {
        deleted.add(workload.id());
    }

    // ---- the test's side

    /** The held runner of {@code runId} succeeds with a one-row result. */
    int succeed(String runId) {
        return finish(runner(runId).callback(), Runner.succeed(List.of("n:bigint"), List.of(List.of(1))));
    }

    int fail(String runId, String errorClass, String message) {
        return finish(runner(runId).callback(), Runner.fail(errorClass, message));
    }

    int heartbeat(String runId) {
        return report(runner(runId).callback(), JSON.createObjectNode().put("type", "heartbeat"));
    }

    /** Posts any event with the runner's credential; returns the HTTP status. */
    int post(String runId, ObjectNode event) {
        return report(runner(runId).callback(), event);
    }

    /** Posts any event with the Sail watcher's credential. */
    int postAsSail(String runId, ObjectNode event) {
        return report(sails.get(runId).callback(), event);
    }

    boolean deleted(String runId) {
        return deleted.contains(runId);
    }

    SailSpec sailOf(String runId) {
        return sails.get(runId);
    }

    RunnerSpec runner(String runId) {
        RunnerSpec spec = runners.get(runId);
        if (spec == null) {
            throw new AssertionError("no runner was created for " + runId);
        }
        return spec;
    }

    boolean sailCreated(String runId) {
        return sails.containsKey(runId);
    }

    /** The HTTP statuses of every report made so far. */
    List<Integer> answers() {
        return new ArrayList<>(answers);
    }

    private int finish(Callback callback, Runner runner) {
        if ("succeeded".equals(runner.outcome())) {
            ObjectNode event = JSON.createObjectNode().put("type", "succeeded");
            event.set("result", runner.result());
            event.putObject("metrics").put("statements", 1).put("rowsReturned", runner.result().path("rows").size())
                    .putObject("millis").put("connect", 12).put("execute", 34);
            return report(callback, event);
        }
        return report(callback, JSON.createObjectNode().put("type", "failed").put("errorClass", runner.errorClass())
                .put("message", runner.message()).put("step", 1));
    }

    private static ObjectNode logs(String stream, String... lines) {
        ObjectNode event = JSON.createObjectNode().put("type", "logs").put("stream", stream);
        ArrayNode array = event.putArray("lines");
        for (String line : lines) {
            array.add(line);
        }
        return event;
    }

    private static String firstStatement(RunnerSpec spec) {
        try {
            JsonNode runSpec = JSON.readTree(spec.runSpecJson());
            return runSpec.path("entrypoint").path("statements").path(0).asText("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int report(Callback callback, ObjectNode event) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url() + "/events"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + callback.token())
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            answers.add(status);
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
