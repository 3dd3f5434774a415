package com.lakesail.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.gate.TokenVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;

/**
 * A session's server ({@code LAKESAIL_RUNNER_MODE=session}): holds the session's Spark Connect
 * session next to its Sail, for as long as the session lives, and runs the statements the control
 * plane has for it there ({@link StatementExecutor}).
 *
 * <ol>
 * <li>takes its gate token from the control plane ({@code POST {callback}/token}, with the session's
 *     callback credential): it passes the Sail's gate like any client;
 * <li>connects to the Sail, waits for it to accept connections, and runs {@code SELECT 1} so the first
 *     statement finds everything warm;
 * <li>opens the session's gate ({@link GateProxy}) when the spec asks for one: the address clients reach
 *     the Sail at, which admits only calls with a valid token for this session;
 * <li>reports {@code session_ready} with the address clients reach the Sail at, then pulls its work
 *     ({@code POST {callback}/next}, a long poll naming what it already holds) and heartbeats while
 *     statements wait or run; reports {@code session_failed} when it cannot connect.
 * </ol>
 *
 * <p>It calls out only, to the control plane and the Sail; what reaches into it is the gate's clients.
 * It stops when
 * the control plane says the session has ended (409) or no longer knows its credential (401), when it
 * refuses the server's pull for good (another 4xx: the server reports {@code session_failed} first), or
 * when its standard input closes (the local launcher's stop).
 *
 * <p>Environment: {@code LAKESAIL_CALLBACK_URL}, {@code LAKESAIL_CALLBACK_TOKEN} (as a runner's),
 * {@code LAKESAIL_SESSION_SPEC}:
 * <pre>
 * {"sessionId": "ses_...", "sail": "sc://localhost:50051", "endpoint": "sc://gate.example:15002", "heartbeatSeconds": 20,
 *  "gate": {"listen": "0.0.0.0:15002", "jwks": "https://api.../v1/.well-known/jwks.json" or a file,
 *           "issuer": "...", "audience": "...", "sessionId": "ses_..."}}
 * </pre>
 * Without {@code gate}, clients reach the Sail at {@code endpoint} directly; with it and no
 * {@code endpoint}, at {@code sc://localhost:<the gate's port>}.
 *
 * <p>With a {@code gate} and an {@code endpoint} whose host is not {@code localhost} (a load balancer's
 * name on a cluster), clients come with TLS: the Spark Connect client uses plaintext with a token only
 * for {@code localhost}. The gate then serves TLS with a certificate of its own for that host
 * ({@link SessionCertificate}), and {@code session_ready} carries it as {@code certificate} (PEM) for the
 * control plane to show clients, who trust exactly it.
 */
final class SessionServer {
    private static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 120;
    /** How long one pull waits for work: the control plane answers at once when there is some. */
    private static final int PULL_WAIT_SECONDS = 20;
    private static final long[] PULL_BACKOFF_MILLIS = {250, 500, 1_000, 2_000, 5_000};

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
        JsonNode spec;
        try {
            spec = mapper.readTree(env.getOrDefault("LAKESAIL_SESSION_SPEC", ""));
        } catch (IOException e) {
            spec = mapper.createObjectNode();
        }
        JsonNode gateSpec = spec == null ? null : spec.path("gate");
        boolean gated = gateSpec != null && gateSpec.isObject();
        if (callbackUrl == null || token == null || spec == null || !spec.path("sail").isTextual()
                || !(spec.path("endpoint").isTextual() || gated)) {
            diagnostics.println("lakesail-session: LAKESAIL_CALLBACK_URL, LAKESAIL_CALLBACK_TOKEN and"
                    + " LAKESAIL_SESSION_SPEC {sail, endpoint or gate} are required");
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
        GateProxy gate = null;
        String endpoint = spec.path("endpoint").asText(null);
        SessionCertificate certificate = null;
        if (gated) {
            try {
                String tlsHost = SessionCertificate.tlsHost(endpoint);
                certificate = tlsHost == null ? null : SessionCertificate.generate(tlsHost, Instant.now());
                gate = openGate(gateSpec, spec.path("sail").asText(), certificate == null ? null : certificate.tls());
            } catch (IOException | RuntimeException e) {
                diagnostics.println("lakesail-session: cannot open the session's gate: " + Outcome.message(e));
                callbacks.send(callbacks.event("session_failed").put("message", "cannot open the session's gate on "
                        + gateSpec.path("listen").asText() + ": " + Outcome.message(e)));
                return 1;
            }
            if (endpoint == null) {
                endpoint = "sc://localhost:" + gate.port();
            }
        }
        StatementExecutor executor = new StatementExecutor(spark, callbacks, mapper, timers);
        int heartbeat = Math.max(1, spec.path("heartbeatSeconds").asInt(20));
        timers.scheduleAtFixedRate(() -> {
            if (executor.busy()) {
                callbacks.send(callbacks.event("heartbeat"));
            }
        }, heartbeat, heartbeat, TimeUnit.SECONDS);
        System.out.println("lakesail-session: connected to Spark " + spark.version());
        ObjectNode ready = callbacks.event("session_ready").put("endpoint", endpoint);
        if (certificate != null) {
            ready.put("certificate", certificate.certificatePem());
        }
        if (!callbacks.send(ready)) {
            ended.countDown();
        }
        Thread puller = new Thread(() -> pull(callbacks, executor, ended), "lakesail-pull");
        puller.setDaemon(true);
        puller.start();
        ended.await();
        puller.interrupt();
        executor.close();
        if (gate != null) {
            gate.close();
        }
        return 0;
    }

    /**
     * The gate in front of the Sail ({@code sc://host:port}), checking tokens as the spec's {@code gate}
     * says; with TLS when {@code tls} is given.
     */
    private static GateProxy openGate(JsonNode gate, String sail, GateProxy.Tls tls) throws IOException {
        for (String field : new String[] {"listen", "jwks", "issuer", "audience", "sessionId"}) {
            if (!gate.path(field).isTextual()) {
                throw new IllegalArgumentException("gate." + field + " is required");
            }
        }
        URI upstream = URI.create(sail);
        return GateProxy.start(gate.get("listen").asText(), upstream.getHost() + ":" + upstream.getPort(),
                TokenVerifier.create(gate.get("jwks").asText(), gate.get("issuer").asText(), gate.get("audience").asText(),
                        gate.get("sessionId").asText()), tls);
    }

    /**
     * Pulls the session's work until it ends: each statement is queued once, in the order the control
     * plane gives, and each cancel applied once.
     */
    private void pull(Callbacks callbacks, StatementExecutor executor, CountDownLatch ended) {
        // What it holds, of what the control plane last said was in flight: what has ended is forgotten,
        // what has not (even a statement whose end could not be reported) is never taken again.
        Set<String> taken = new LinkedHashSet<>();
        Set<String> cancelled = new LinkedHashSet<>();
        int failures = 0;
        while (ended.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
            ObjectNode holding = mapper.createObjectNode().put("waitSeconds", PULL_WAIT_SECONDS);
            taken.forEach(holding.putArray("taken")::add);
            cancelled.forEach(holding.putArray("cancelled")::add);
            String answer = callbacks.poll("next", holding, Duration.ofSeconds(PULL_WAIT_SECONDS));
            JsonNode work = null;
            try {
                work = answer == null ? null : mapper.readTree(answer);
            } catch (IOException e) {
                diagnostics.println("lakesail-session: the control plane's work is not JSON: " + e.getMessage());
            }
            if (work == null || !work.isObject()) {
                try {
                    Thread.sleep(PULL_BACKOFF_MILLIS[Math.min(failures++, PULL_BACKOFF_MILLIS.length - 1)]);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            failures = 0;
            for (JsonNode s : work.path("statements")) {
                String id = s.path("statementId").asText("");
                if (id.isEmpty() || !s.path("sql").isTextual() || !taken.add(id)) {
                    continue;
                }
                boolean cancel = s.path("cancelRequested").asBoolean(false);
                if (cancel) {
                    cancelled.add(id);
                }
                executor.submit(new StatementExecutor.Statement(id, s.get("sql").asText(),
                        RunSpec.parameters(s.path("parameters")), s.path("maxResultBytes").asLong(64L << 20),
                        s.path("chunkBytes").asInt(256 << 10), new AtomicBoolean(cancel)));
            }
            for (JsonNode c : work.path("cancels")) {
                if (cancelled.add(c.asText())) {
                    executor.cancel(c.asText());
                }
            }
            if (work.path("inFlight").isArray()) {
                Set<String> inFlight = new HashSet<>();
                work.get("inFlight").forEach(id -> inFlight.add(id.asText()));
                taken.retainAll(inFlight);
                cancelled.retainAll(inFlight);
            }
        }
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

    private int connectTimeoutSeconds() {
        try {
            return Integer.parseInt(env.getOrDefault("LAKESAIL_CONNECT_TIMEOUT_SECONDS",
                    Integer.toString(DEFAULT_CONNECT_TIMEOUT_SECONDS)).trim());
        } catch (NumberFormatException e) {
            return DEFAULT_CONNECT_TIMEOUT_SECONDS;
        }
    }
}
