package com.lakesail.sdk.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on 127.0.0.1 that answers with scripted responses, in order, and records every
 * request it receives. Unscripted requests get a 418 so a test fails loudly rather than hangs.
 */
public final class StubServer implements AutoCloseable {
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubServer start() {
        try {
            return new StubServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next request with {@code status}, a JSON {@code body} (null for none) and header name/value pairs. */
    public StubServer reply(int status, String body, String... headerNamesAndValues) {
        replies.add(new Reply(status, body, List.of(headerNamesAndValues), false));
        return this;
    }

    /** Answers the next request with the error body of the API. */
    public StubServer replyError(int status, String code, String message) {
        return reply(status, "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message
                + "\", \"requestId\": \"req_" + status + "\"}}");
    }

    /** Closes the connection of the next request without answering: an I/O error for the client. */
    public StubServer dropConnection() {
        replies.add(new Reply(0, null, List.of(), true));
        return this;
    }

    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    public RecordedRequest request(int index) {
        return requests.get(index);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), copy(exchange.getRequestHeaders()), body));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = new Reply(418, "{\"message\": \"no reply scripted\"}", List.of(), false);
        }
        if (reply.drop()) {
            exchange.close();
            return;
        }
        for (int i = 0; i < reply.headers().size(); i += 2) {
            exchange.getResponseHeaders().add(reply.headers().get(i), reply.headers().get(i + 1));
        }
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Reply(int status, String body, List<String> headers, boolean drop) {
    }

    /** A request as the server saw it; header names are case-insensitive. */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
            String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
