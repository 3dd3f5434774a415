package com.lakesail.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;

/**
 * A session's server ({@code LAKESAIL_RUNNER_MODE=session}): holds the session's Spark Connect
 * session next to its Sail, for as long as the session lives, and runs the statements the control
 * plane sends it there ({@link StatementExecutor}).
 *
 * <ol>
 * <li>takes its gate token from the control plane ({@code POST {callback}/token}, with the session's
 *     callback credential): it passes the Sail's gate like any client;
 * <li>connects to the Sail, waits for it to accept connections, runs {@code SELECT 1} so the first
 *     statement finds everything warm, and listens for statements;
 * <li>reports {@code session_ready} with the address clients reach the Sail at, then heartbeats while
 *     statements wait or run; reports {@code session_failed} when it cannot connect.
 * </ol>
 *
 * <p>Statements arrive over HTTP on {@code listen} ({@code POST /statements},
 * {@code POST /statements/{id}/cancel}), each with {@code Authorization: Bearer LAKESAIL_SESSION_SECRET}:
 * locally the backend on loopback; on EKS the in-VPC agent. It stops when the control plane says the
 * session has ended (409), or when its standard input closes (the local launcher's stop).
 *
 * <p>Environment: {@code LAKESAIL_CALLBACK_URL}, {@code LAKESAIL_CALLBACK_TOKEN} (as a runner's),
 * {@code LAKESAIL_SESSION_SECRET}, {@code LAKESAIL_SESSION_SPEC}:
 * <pre>
 * {"sessionId": "ses_...", "sail": "sc://localhost:41234", "endpoint": "sc://localhost:41234",
 *  "listen": "127.0.0.1:41235", "heartbeatSeconds": 20}
 * </pre>
 */
final class SessionServer {
    private static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 120;

    private final Map<String, String> env;
    private final PrintStream diagnostics;
    private final ObjectMapper mapper;

    SessionServer(Map<String, String> env, PrintStream diagnostics, ObjectMapper mapper) {
        this.env = env;
        this.diagnostics = diagnostics;
        this.mapper = mapper;
    }

    /** Runs until the session ends; the exit code. */
    int run() throws InterruptedException {
        String callbackUrl = env.get("LAKESAIL_CALLBACK_URL");
        String token = env.get("LAKESAIL_CALLBACK_TOKEN");
        String secret = env.get("LAKESAIL_SESSION_SECRET");
        JsonNode spec;
        try {
            spec = mapper.readTree(env.getOrDefault("LAKESAIL_SESSION_SPEC", ""));
        } catch (IOException e) {
            spec = mapper.createObjectNode();
        }
        if (callbackUrl == null || token == null || secret == null || secret.isBlank() || !spec.path("sail").isTextual()
                || !spec.path("listen").isTextual() || !spec.path("endpoint").isTextual()) {
            diagnostics.println("lakesail-session: LAKESAIL_CALLBACK_URL, LAKESAIL_CALLBACK_TOKEN, LAKESAIL_SESSION_SECRET and"
                    + " LAKESAIL_SESSION_SPEC {sail, endpoint, listen} are required");
            return 1;
        }
        CountDownLatch ended = new CountDownLatch(1);
        Callbacks callbacks = new Callbacks(callbackUrl, token, mapper, diagnostics, ended::countDown);
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, StatementExecutor.daemon("lakesail-timers"));
        SparkSession spark;
        try {
            spark = connect(spec.path("sail").asText(), callbacks);
        } catch (Exception e) {
            diagnostics.println("lakesail-session: cannot connect to the Sail: " + Outcome.message(e));
            callbacks.send(callbacks.event("session_failed").put("message", "cannot connect to the Sail: " + Outcome.message(e)));
            return 1;
        }
        StatementExecutor executor = new StatementExecutor(spark, callbacks, mapper, timers);
        HttpServer server;
        try {
            server = listen(spec.path("listen").asText(), secret, executor);
        } catch (IOException e) {
            callbacks.send(callbacks.event("session_failed").put("message", "cannot listen on " + spec.path("listen").asText()
                    + ": " + e.getMessage()));
            return 1;
        }
        int heartbeat = Math.max(1, spec.path("heartbeatSeconds").asInt(20));
        timers.scheduleAtFixedRate(() -> {
            if (executor.busy()) {
                callbacks.send(callbacks.event("heartbeat"));
            }
        }, heartbeat, heartbeat, TimeUnit.SECONDS);
        System.out.println("lakesail-session: connected to Spark " + spark.version() + "; listening on "
                + spec.path("listen").asText());
        if (!callbacks.send(callbacks.event("session_ready").put("endpoint", spec.path("endpoint").asText()))) {
            ended.countDown();
        }
        ended.await();
        server.stop(0);
        executor.close();
        return 0;
    }

    /** The session's Spark Connect session, through the gate, warm. */
    private SparkSession connect(String sail, Callbacks callbacks) {
        String answer = callbacks.call("token", callbacks.event("token"));
        if (answer == null) {
            throw new IllegalStateException("the control plane gave no gate token");
        }
        String gateToken;
        try {
            gateToken = mapper.readTree(answer).path("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("the control plane's token answer is not JSON", e);
        }
        RunnerMain.awaitPort(sail, connectTimeoutSeconds());
        SparkSession spark = SparkSession.builder().remote(sail + "/;token=" + gateToken).getOrCreate();
        spark.sql("SELECT 1").collectAsList();
        return spark;
    }

    private HttpServer listen(String address, String secret, StatementExecutor executor) throws IOException {
        int colon = address.lastIndexOf(':');
        HttpServer server = HttpServer.create(new InetSocketAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1))), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, StatementExecutor.daemon("lakesail-control")));
        byte[] expected = ("Bearer " + secret).getBytes(StandardCharsets.UTF_8);
        server.createContext("/statements", exchange -> {
            try (exchange) {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
                    reply(exchange, 401);
                } else if (!"POST".equals(exchange.getRequestMethod())) {
                    reply(exchange, 405);
                } else {
                    reply(exchange, handle(exchange, executor));
                }
            }
        });
        server.start();
        return server;
    }

    /** {@code POST /statements} {statementId, sql, parameters, maxResultBytes, chunkBytes}; {@code POST /statements/{id}/cancel}. */
    private int handle(HttpExchange exchange, StatementExecutor executor) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/statements/") && path.endsWith("/cancel")) {
            executor.cancel(path.substring("/statements/".length(), path.length() - "/cancel".length()));
            return 202;
        }
        if (!path.equals("/statements")) {
            return 404;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = mapper.readTree(in);
        }
        if (body == null || !body.path("statementId").isTextual() || !body.path("sql").isTextual()) {
            return 400;
        }
        executor.submit(new StatementExecutor.Statement(body.get("statementId").asText(), body.get("sql").asText(),
                RunSpec.parameters(body.path("parameters")), body.path("maxResultBytes").asLong(64L << 20),
                body.path("chunkBytes").asInt(256 << 10), new AtomicBoolean()));
        return 202;
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    private int connectTimeoutSeconds() {
        try {
            return Integer.parseInt(env.getOrDefault("LAKESAIL_CONNECT_TIMEOUT_SECONDS",
                    Integer.toString(DEFAULT_CONNECT_TIMEOUT_SECONDS)).trim());
        } catch (NumberFormatException e) {
            return DEFAULT_CONNECT_TIMEOUT_SECONDS;
        }
    }
}
