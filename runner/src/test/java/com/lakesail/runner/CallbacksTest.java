package com.lakesail.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbacksTest {
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int[] answers = {204};
    private final AtomicBoolean ended = new AtomicBoolean();
    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    private Callbacks callbacks;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/callbacks/job-runs/jrn_1/events", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            int n = calls.getAndIncrement();
            exchange.sendResponseHeaders(answers[Math.min(n, answers.length - 1)], -1);
            exchange.close();
        });
        server.start();
        callbacks = new Callbacks("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/callbacks/job-runs/jrn_1/",
                "secret", new ObjectMapper(), new PrintStream(diagnostics, true, StandardCharsets.UTF_8), () -> ended.set(true));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void send_whenAccepted_postsOneJsonEventWithTheBearerToken() {
        assertTrue(callbacks.send(callbacks.event("started")));
        assertEquals(List.of("{\"type\":\"started\"}"), bodies);
        assertEquals(List.of("Bearer secret"), authorizations);
    }

    @Test
    void send_whenServerErrorsThenAccepts_retries() {
        answers = new int[] {503, 500, 204};
        assertTrue(callbacks.send(callbacks.event("heartbeat")));
        assertEquals(3, calls.get());
        assertFalse(ended.get());
    }

    @Test
    void send_whenRunAlreadyEnded_stopsTheRunnerWithoutRetrying() {
        answers = new int[] {409};
        assertFalse(callbacks.send(callbacks.event("heartbeat")));
        assertEquals(1, calls.get());
        assertTrue(ended.get());
        assertFalse(diagnostics.toString(StandardCharsets.UTF_8).contains("secret"));
    }

    @Test
    void send_whenTokenRefused_stopsTheRunner() {
        answers = new int[] {401};
        assertFalse(callbacks.send(callbacks.event("started")));
        assertTrue(ended.get());
    }

    @Test
    void send_whenEventMalformed_givesUpWithoutStopping() {
        answers = new int[] {400};
        assertFalse(callbacks.send(callbacks.event("progress")));
        assertEquals(1, calls.get());
        assertFalse(ended.get());
    }
}
