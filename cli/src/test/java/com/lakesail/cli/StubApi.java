package com.lakesail.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP server on 127.0.0.1 answering {@code METHOD path} with scripted JSON, in order per route
 * (the last answer repeats), recording every request: to check the exact requests a command sends,
 * and its output for answers a real backend does not give on demand (a result's second page, a
 * statement the engine fails, a refusal mid-prompt).
 */
final class StubApi implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Deque<String[]>> answers = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();

    private StubApi(HttpServer server) {
        this.server = server;
    }

    static StubApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubApi stub = new StubApi(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code route} ({@code "POST /v1/orgs/org_1/queries"}) with {@code status} and {@code json}. */
    synchronized StubApi on(String route, int status, String json) {
        answers.computeIfAbsent(route, r -> new ArrayDeque<>()).add(new String[] {Integer.toString(status), json});
        return this;
    }

    /** {@code METHOD path?query} of every request, in order. */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        String[] answer;
        synchronized (this) {
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(route + (query == null ? "" : "?" + query));
            bodies.add(body);
            Deque<String[]> scripted = answers.get(route);
            answer = scripted == null ? new String[] {"404", "{\"error\": {\"code\": \"not_found\", \"message\": \"no route "
                    + route + "\", \"requestId\": \"req_1\"}}"} : scripted.size() > 1 ? scripted.poll() : scripted.peek();
        }
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
