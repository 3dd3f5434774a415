package com.lakesail.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Sail watcher reports once, ready or failed, to the run's callback, and exits 0 either way. */
class SailWatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REMOTE = "sc://jrn-abc-sail.lakesail-workloads.svc.cluster.local:50051";
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private Callbacks callbacks;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/callbacks/job-runs/jrn_abc/events", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        callbacks = new Callbacks("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/callbacks/job-runs/jrn_abc",
                "lsc_watch", new ObjectMapper(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                () -> { });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void run_whenTheSailAnswersAfterAWhile_reportsReadyWithItsEndpointOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        SailWatch watch = new SailWatch(callbacks, remote -> {
            assertEquals(REMOTE, remote);
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("UNAVAILABLE: io exception");
            }
        }, clock::get, 0);

        int exit = watch.run(Map.of("SPARK_REMOTE", REMOTE, "LAKESAIL_SAIL_TIMEOUT_SECONDS", "60"));

        assertEquals(0, exit);
        assertEquals(3, attempts.get());
        assertEquals(1, bodies.size(), bodies.toString());
        JsonNode event = JSON.readTree(bodies.get(0));
        assertEquals("sail_ready", event.path("type").asText());
        assertEquals(REMOTE, event.path("endpoint").asText());
        assertEquals(List.of("Bearer lsc_watch"), authorizations);
    }

    @Test
    void run_whenTheSailNeverAnswers_reportsFailedWithTheLastErrorAfterItsTimeout() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        SailWatch watch = new SailWatch(callbacks, remote -> {
            attempts.incrementAndGet();
            clock.addAndGet(TimeUnit.SECONDS.toNanos(4));
            throw new IllegalStateException("UNAVAILABLE: Connection refused");
        }, clock::get, 0);

        int exit = watch.run(Map.of("SPARK_REMOTE", REMOTE, "LAKESAIL_SAIL_TIMEOUT_SECONDS", "10"));

        assertEquals(0, exit, "reported: the Job must not run the watcher again");
        assertEquals(3, attempts.get(), "4 s per attempt, 10 s in all");
        assertEquals(1, bodies.size(), bodies.toString());
        JsonNode event = JSON.readTree(bodies.get(0));
        assertEquals("sail_failed", event.path("type").asText());
        assertEquals("the Sail did not answer within 10 s: UNAVAILABLE: Connection refused", event.path("message").asText());
    }

    @Test
    void runnerMain_whenInWatchMode_neverReadsARunSpecAndReportsOnlyTheSail() throws Exception {
        int exit = RunnerMain.run(Map.of("LAKESAIL_RUNNER_MODE", "watch-sail",
                "LAKESAIL_CALLBACK_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/callbacks/job-runs/jrn_abc",
                "LAKESAIL_CALLBACK_TOKEN", "lsc_watch"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(0, exit);
        assertEquals(1, bodies.size(), bodies.toString());
        JsonNode event = JSON.readTree(bodies.get(0));
        assertEquals("sail_failed", event.path("type").asText(), "no SPARK_REMOTE: the Sail cannot be watched");
        assertTrue(event.path("message").asText().contains("SPARK_REMOTE"), event.toString());
    }
}
