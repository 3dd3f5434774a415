package com.lakesail.local;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.ApiRequest;
import com.lakesail.backend.api.ApiResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves {@link ApiHandler} over HTTP on the loopback interface only, with the JDK's server. */
final class LocalHttpServer implements AutoCloseable {
    private static final int THREADS = 16;
    /** How much of an oversized body is read and dropped before the 413 goes out. */
    private static final long MAX_DRAIN_BYTES = 8L * 1024 * 1024;

    static {
        // The JDK server writes headers and body in separate segments; with Nagle's algorithm on, the
        // client's delayed ACK then stalls every response by ~40 ms. Read once, when the server
        // implementation first loads, so it must be set before the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiHandler api;

    LocalHttpServer(ApiHandler api, int port) throws IOException {
        this.api = api;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "lakesail-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
            // The raw path: an encoded slash (%2F) inside a segment must not become a separator.
            ApiRequest request = new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()), headers, body(exchange.getRequestBody()));
            ApiResponse response = api.handle(request);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] bytes = response.body() == null ? null : response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes == null ? -1 : bytes.length);
            if (bytes != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** Keeps at most one byte past the limit: enough for the handler to refuse it, no more. */
    private static String body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(ApiHandler.MAX_CALLBACK_BODY_BYTES + 1);
        // Drop the rest, so the client reads the 413 rather than a reset connection; but only so much,
        // so nobody can hold a server thread by sending forever (past it, the connection is reset).
        // read(), not skip(): the exchange's fixed-length stream bounds read() but hands skip() to the
        // socket, which blocks once the body has been consumed.
        byte[] sink = new byte[8192];
        for (long remaining = MAX_DRAIN_BYTES; remaining > 0; ) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, remaining));
            if (n < 0) {
                break;
            }
            remaining -= n;
        }
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
