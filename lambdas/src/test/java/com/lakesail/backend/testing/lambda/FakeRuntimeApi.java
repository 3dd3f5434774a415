package com.lakesail.backend.testing.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lambda Runtime API on 127.0.0.1, as documented for custom runtimes (version 2018-06-01): the
 * runtime interface client long-polls {@code GET /runtime/invocation/next} for an event and answers
 * with {@code POST /runtime/invocation/{id}/response} or {@code .../error}; a function that cannot
 * start posts {@code /runtime/init/error}. Under SnapStart ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start})
 * the runtime runs its {@code beforeCheckpoint} hooks after init and asks {@code /runtime/restore/next},
 * answered at once as if restored. Events are queued by the test; what the function answered
 * is an {@link Outcome}, stamped with when it arrived (for the cold-start bench).
 *
 * <pre>{@code
 * try (FakeRuntimeApi runtime = FakeRuntimeApi.start()) {
 *     runtime.invoke("{\"httpMethod\": \"GET\", ...}");
 *     // start the function's JVM with AWS_LAMBDA_RUNTIME_API=runtime.address()
 *     FakeRuntimeApi.Outcome first = runtime.await(Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class FakeRuntimeApi implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final long DEADLINE_MILLIS = 30_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    private FakeRuntimeApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeRuntimeApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-runtime-api");
            t.setDaemon(true);
            return t;
        });
        FakeRuntimeApi api = new FakeRuntimeApi(server, executor);
        server.createContext(PREFIX, api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one event for the function; returns its request id. */
    public String invoke(String event) {
        String id = "req-" + ids.incrementAndGet();
        pending.add(new Invocation(id, event));
        return id;
    }

    /** The next thing the function posted, or null when nothing came within {@code timeout}. */
    public Outcome await(Duration timeout) throws InterruptedException {
        return outcomes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
                return;
            }
            if (method.equals("GET") && path.equals("restore/next")) {
                // SnapStart: the runtime ran its beforeCheckpoint hooks and waits to be restored; at once, here.
                outcomes.add(new Outcome(Kind.CHECKPOINT, null, null, null, System.nanoTime()));
                respond(exchange, 200, "{}");
                return;
            }
            if (!method.equals("POST")) {
                respond(exchange, 405, "{\"errorMessage\":\"method not allowed\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            long at = System.nanoTime();
            if (path.equals("init/error") || path.equals("restore/error")) {
                outcomes.add(new Outcome(Kind.INIT_ERROR, null, body, errorType, at));
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                outcomes.add(new Outcome(Kind.RESPONSE, requestId(path), body, null, at));
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                outcomes.add(new Outcome(Kind.ERROR, requestId(path), body, errorType, at));
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
                return;
            }
            respond(exchange, 202, "{\"status\":\"OK\"}");
        }
    }

    /** Long poll, as the real API does: the runtime waits here until an event is queued. */
    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = pending.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + DEADLINE_MILLIS));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:111122223333:function:under-test");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        respond(exchange, 200, invocation.event());
    }

    private static String requestId(String path) {
        return path.substring("invocation/".length(), path.lastIndexOf('/'));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Invocation(String id, String event) {
    }

    /** An answer, an error, an init (or restore) error, or SnapStart's checkpoint (the runtime asked to be restored). */
    public enum Kind { RESPONSE, ERROR, INIT_ERROR, CHECKPOINT }

    /**
     * What the function posted.
     *
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, for errors
     * @param nanoTime  {@link System#nanoTime()} when it arrived
     */
    public record Outcome(Kind kind, String requestId, String body, String errorType, long nanoTime) {
    }
}
