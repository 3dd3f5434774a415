package com.lakesail.local.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.Callback;
import com.lakesail.backend.port.CatalogSpec;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.GateSpec;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.SessionSpec;
import com.lakesail.backend.port.Workload;
import com.lakesail.engine.ChildProcess;
import com.lakesail.engine.EngineException;
import com.lakesail.engine.GateConfig;
import com.lakesail.engine.RunnerSpec;
import com.lakesail.engine.Sail;
import com.lakesail.engine.SailSpec;
import com.lakesail.engine.catalog.CatalogRef;
import com.lakesail.engine.catalog.SparkCatalogConf;
import com.lakesail.engine.catalog.UnreachableCatalogException;
import com.lakesail.local.engine.LocalEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Sessions on the local engine: each session gets its own Sail (a Spark Connect server in a child
 * JVM on 127.0.0.1, behind the session gate) and its own session server (the runner program in
 * session mode, another child JVM), which holds the session's Spark Connect session and runs its
 * statements. The server pulls its statements from this backend and reports through the session's
 * callback, and clients reach the Sail through its gate proxy, exactly as on EKS (the local Sail
 * checks their token once more itself, so its own loopback port is no way around the gate).
 *
 * <p>Whoever watches a child reports its death: a Sail that never gets ready, or a Sail or server
 * that exits while the session is open, is reported {@code session_failed}.
 *
 * <p>A marker file per open session ({@code <engine state>/sessions/<org>.<session>}) outlives a
 * backend that dies or stops with sessions open: at the next start {@link #orphaned()} names those
 * sessions (their processes are gone: they exit with the backend, and the launcher reaps what is
 * left), so they end instead of staying open on paper.
 */
public final class LocalSessionRuntime implements SessionRuntime, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final String STOPPED = "stopped";

    private final LocalEngine localEngine;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Live> live = new ConcurrentHashMap<>();

    /** A session's running engine. */
    private record Live(String childId, Sail sail, ChildProcess server) {
    }

    /** A session whose engine a previous backend left running (or stopped with it) without its end. */
    public record Orphan(String organizationId, String sessionId, boolean backendStopped) {
    }

    /**
     * @param engine the backend's local engine: its launcher starts the sessions' Sails and servers; S3
     *               locations map under its data directory, where Sail logs and the warehouse live too
     */
    public LocalSessionRuntime(LocalEngine engine) {
        this.localEngine = engine;
    }

    /** Where a session's marker says it is open (or was stopped with the backend): beside the engine's state. */
    private Path markers() {
        return localEngine.launcher().stateDirectory().resolve("sessions");
    }

    @Override
    public void start(SessionSpec spec) {
        String sessionId = spec.workload().id();
        if (live.containsKey(sessionId)) {
            return;
        }
        String childId = childId(spec.workload());
        Path logs = localEngine.dataDirectory().resolve("sessions").resolve(sessionId);
        Path state = markers().resolve(childId + ".d");
        SparkCatalogConf catalogs;
        try {
            catalogs = SparkCatalogConf.local(spec.catalogs().stream().map(LocalSessionRuntime::ref).toList(), localEngine.dataDirectory());
        } catch (UnreachableCatalogException e) {
            throw new ComputeRuntimeException(e.getMessage(), false, e);
        }
        Sail sail = null;
        try {
            Files.createDirectories(state);
            Files.writeString(markers().resolve(childId), "open", StandardCharsets.UTF_8);
            Path jwks = state.resolve("jwks.json");
            Files.writeString(jwks, fetch(spec.gate().jwksUrl()), StandardCharsets.UTF_8);
            GateSpec gate = spec.gate();
            sail = localEngine.launcher().startSail(SailSpec.builder().id(childId).catalogs(catalogs).logDirectory(logs)
                    .warehouseDirectory(localEngine.dataDirectory().resolve("warehouse"))
                    .gate(new GateConfig(jwks, gate.issuer(), gate.audience(), gate.sessionId())).build());
            // Clients reach the Sail through the session server's gate, as on EKS; the Sail checks their token again.
            ObjectNode serverSpec = JSON.createObjectNode().put("sessionId", sessionId).put("sail", sail.endpoint())
                    .put("heartbeatSeconds", spec.heartbeatSeconds());
            serverSpec.putObject("gate").put("listen", "127.0.0.1:0").put("jwks", jwks.toString())
                    .put("issuer", gate.issuer()).put("audience", gate.audience()).put("sessionId", gate.sessionId());
            ChildProcess server = localEngine.launcher().startRunner(RunnerSpec.builder().id(childId).logDirectory(logs)
                    .environment("LAKESAIL_RUNNER_MODE", "session")
                    .environment("LAKESAIL_CALLBACK_URL", spec.callback().url().toString())
                    .environment("LAKESAIL_CALLBACK_TOKEN", spec.callback().token())
                    .environment("LAKESAIL_SESSION_SPEC", serverSpec.toString()).build());
            Live engine = new Live(childId, sail, server);
            live.put(sessionId, engine);
            watch(sessionId, engine, spec.callback());
        } catch (IOException e) {
            stopQuietly(sail);
            throw new ComputeRuntimeException("cannot prepare the session's engine: " + e.getMessage(), false, e);
        } catch (EngineException e) {
            stopQuietly(sail);
            throw new ComputeRuntimeException(e.getMessage(), false, e);
        }
    }

    @Override
    public void stop(Workload workload) {
        Live engine = live.remove(workload.id());
        String childId = childId(workload);
        if (engine != null) {
            CompletableFuture.allOf(CompletableFuture.runAsync(engine.server()::stop),
                    CompletableFuture.runAsync(engine.sail()::stop)).join();
        }
        deleteRecursively(markers().resolve(childId + ".d"));
        try {
            Files.deleteIfExists(markers().resolve(childId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sessions a previous backend on this engine state left open (killed, or stopped with
     * sessions open): their markers, read once at start. Their processes are gone or reaped.
     */
    public List<Orphan> orphaned() {
        List<Orphan> found = new ArrayList<>();
        if (!Files.isDirectory(markers())) {
            return found;
        }
        try (Stream<Path> files = Files.list(markers())) {
            for (Path marker : files.filter(Files::isRegularFile).toList()) {
                String name = marker.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot > 0 && !live.containsKey(name.substring(dot + 1))) {
                    found.add(new Orphan(name.substring(0, dot), name.substring(dot + 1),
                            STOPPED.equals(Files.readString(marker, StandardCharsets.UTF_8).trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Forgets an orphan once its session has been ended. */
    public void forget(Orphan orphan) {
        String childId = orphan.organizationId() + "." + orphan.sessionId();
        deleteRecursively(markers().resolve(childId + ".d"));
        try {
            Files.deleteIfExists(markers().resolve(childId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops every session engine this runtime started (the backend is stopping), leaving their
     * markers saying so: the next start ends those sessions.
     */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Map.Entry<String, Live> e : live.entrySet()) {
            Live engine = e.getValue();
            live.remove(e.getKey());
            try {
                Files.writeString(markers().resolve(engine.childId()), STOPPED, StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // The marker stays "open": the next start ends the session all the same.
            }
            stops.add(CompletableFuture.runAsync(engine.server()::stop));
            stops.add(CompletableFuture.runAsync(engine.sail()::stop));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Reports the death of the session's engine while it is still this runtime's: a Sail that never got
     * ready, or a Sail or server that exited before {@link #stop}.
     */
    private void watch(String sessionId, Live engine, Callback callback) {
        engine.sail().ready().whenComplete((ready, failure) -> {
            if (failure != null && live.get(sessionId) == engine) {
                report(callback, "the session's Sail did not start: " + rootMessage(failure));
            }
        });
        engine.sail().process().onExit().thenAccept(code -> {
            if (live.get(sessionId) == engine && engine.sail().ready().isDone() && !engine.sail().ready().isCompletedExceptionally()) {
                report(callback, "the session's Sail exited (code " + code + ")");
            }
        });
        engine.server().onExit().thenAccept(code -> {
            if (live.get(sessionId) == engine) {
                report(callback, "the session's server exited (code " + code + ")");
            }
        });
    }

    private void report(Callback callback, String message) {
        ObjectNode event = JSON.createObjectNode().put("type", "session_failed").put("message", message);
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url() + "/events")).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + callback.token())
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private String fetch(URI uri) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + uri, e);
        }
    }

    /** The engine's id of a session's children: its organization and id, so a reaped process names its session. */
    static String childId(Workload workload) {
        return workload.organizationId() + "." + workload.id();
    }

    private static CatalogRef ref(CatalogSpec spec) {
        return new CatalogRef(spec.kind().name().toLowerCase(Locale.ROOT), spec.name(), spec.config());
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static void stopQuietly(Sail sail) {
        if (sail != null) {
            sail.kill();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Scratch space of a session that ended: whatever is left is harmless.
        }
    }
}
