package com.lakesail.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * The control plane's run callback, as the runner protocol describes it: records every event the
 * runner posts (tagged {@code _run} with the run of its URL) and answers with what {@code answer}
 * says (204 unless told otherwise).
 */
final class FakeControlPlane implements AutoCloseable {
    static final String TOKEN = "cb-token-for-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private volatile ToIntFunction<JsonNode> answer = e -> 204;

    FakeControlPlane() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/v1/callbacks/job-runs/", exchange -> {
            JsonNode event = JSON.readTree(exchange.getRequestBody());
            String[] path = exchange.getRequestURI().getPath().split("/");
            // Which run posted it, from the callback URL: the tests share one server.
            ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("_run", path.length > 4 ? path[4] : "");
            synchronized (this) {
                if (!exchange.getRequestURI().getPath().endsWith("/events") || !"POST".equals(exchange.getRequestMethod())) {
                    problems.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                }
                if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    problems.add("bad authorization on " + event);
                }
                if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    problems.add("bad content type on " + event);
                }
                events.add(event);
            }
            exchange.sendResponseHeaders(answer.applyAsInt(event), -1);
            exchange.close();
        });
        server.start();
    }

    String callbackUrl(String runId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/callbacks/job-runs/" + runId;
    }

    void answer(ToIntFunction<JsonNode> answer) {
        this.answer = answer;
    }

    synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** The event types in order, without logs and heartbeats (whose count depends on timing). */
    synchronized List<String> milestones() {
        return events.stream().map(e -> e.path("type").asText()).filter(t -> !t.equals("logs") && !t.equals("heartbeat")).toList();
    }

    synchronized List<String> logLines() {
        List<String> lines = new ArrayList<>();
        events.stream().filter(e -> e.path("type").asText().equals("logs")).forEach(e -> e.path("lines").forEach(l -> lines.add(l.asText())));
        return lines;
    }

    synchronized JsonNode last() {
        return events.get(events.size() - 1);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
