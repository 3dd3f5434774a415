package com.lakesail.runner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * The job runner: connects to a run's Sail over Spark Connect, runs the run's entrypoint, and
 * reports through the run's callback (started, heartbeats, progress, logs, then succeeded or
 * failed). Exit status 0 on success, 1 otherwise. Everything comes from the environment:
 * {@code SPARK_REMOTE}, {@code LAKESAIL_CALLBACK_URL}, {@code LAKESAIL_CALLBACK_TOKEN},
 * {@code LAKESAIL_RUN_SPEC}, and optionally {@code LAKESAIL_CONNECT_TIMEOUT_SECONDS} (how long to
 * wait for the Sail to accept connections; 120 by default), so it runs the same as a local child
 * process and as a container on a cluster.
 *
 * <p>The same program is a session's server with {@code LAKESAIL_RUNNER_MODE=session}
 * ({@link SessionServer}), a plain Spark Connect client with {@code LAKESAIL_RUNNER_MODE=sql}
 * ({@link SqlClient}), and a Sail's watcher on a cluster with {@code watch-sail} ({@link SailWatch});
 * without it, or with {@code job}, it runs a job run as above.
 */
public final class RunnerMain {
    private static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 120;
    private static final long PORT_POLL_MILLIS = 25;
    /**
     * Set once the terminal report is sent: from then on the runner is only exiting, and a parent
     * that closes stdin (it cleans up the run) lets the exit finish instead of halting it, so that
     * a clean exit can still write the JVM's class data archive.
     */
    private static volatile boolean reported;

    private RunnerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream diagnostics = System.err;
        if (Boolean.getBoolean("lakesail.stopOnStdinClose")) {
            stopWhenStdinCloses();
        }
        Map<String, String> env = System.getenv();
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        int exit = switch (env.getOrDefault("LAKESAIL_RUNNER_MODE", "job")) {
            case "session" -> new SessionServer(env, diagnostics, mapper).run();
            case "sql" -> new SqlClient(env, System.out, mapper).run();
            default -> run(env, diagnostics);
        };
        System.exit(exit);
    }

    static int run(Map<String, String> env, PrintStream diagnostics) {
        String callbackUrl = env.get("LAKESAIL_CALLBACK_URL");
        String token = env.get("LAKESAIL_CALLBACK_TOKEN");
        if (callbackUrl == null || callbackUrl.isBlank() || token == null || token.isBlank()) {
            diagnostics.println("lakesail-runner: LAKESAIL_CALLBACK_URL and LAKESAIL_CALLBACK_TOKEN are required");
            return 1;
        }
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Callbacks callbacks = new Callbacks(callbackUrl, token, mapper, diagnostics, () -> Runtime.getRuntime().halt(1));
        if (SailWatch.MODE.equals(env.get("LAKESAIL_RUNNER_MODE"))) {
            return new SailWatch(callbacks, SailWatch::selectOne, System::nanoTime, SailWatch.RETRY_MILLIS).run(env);
        }
        RunSpec spec;
        try {
            spec = RunSpec.parse(env.get("LAKESAIL_RUN_SPEC"), mapper);
        } catch (RunSpec.InvalidSpecException e) {
            diagnostics.println("lakesail-runner: " + e.getMessage());
            callbacks.send(Outcome.failed(callbacks, "INVALID_RUN_SPEC", e.getMessage(), null).event());
            return 1;
        }
        LogShipper logs = new LogShipper(callbacks);
        logs.install();
        Outcome outcome = execute(spec, env, callbacks);
        if (outcome.exitCode() != 0) {
            System.out.println("lakesail-runner: failed: " + outcome.event().path("errorClass").asText() + ": "
                    + outcome.event().path("message").asText());
        }
        logs.close();
        callbacks.send(outcome.event());
        reported = true;
        return outcome.exitCode();
    }

    private static Outcome execute(RunSpec spec, Map<String, String> env, Callbacks callbacks) {
        String remote = env.get("SPARK_REMOTE");
        if (remote == null || remote.isBlank()) {
            return Outcome.failed(callbacks, "SAIL_UNREACHABLE", "SPARK_REMOTE is not set", null);
        }
        long connectStarted = System.nanoTime();
        SparkSession spark;
        try {
            awaitPort(remote, connectTimeoutSeconds(env));
            spark = SparkSession.builder().remote(remote).getOrCreate();
            System.out.println("lakesail-runner: connected to Spark " + spark.version());
        } catch (Exception e) {
            return Outcome.failed(callbacks, "SAIL_UNREACHABLE", "cannot connect to the Sail: " + Outcome.message(e), null);
        }
        long connectMillis = (System.nanoTime() - connectStarted) / 1_000_000;
        callbacks.send(callbacks.event("started"));
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lakesail-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> callbacks.send(callbacks.event("heartbeat")), spec.heartbeatSeconds(),
                spec.heartbeatSeconds(), TimeUnit.SECONDS);
        try {
            if (spec.entrypoint() instanceof RunSpec.Sql sql) {
                return new SqlEntrypoint(spark, callbacks).run(sql, spec.parameters(), spec.previewRows(), connectMillis);
            }
            return new JarEntrypoint(callbacks).run((RunSpec.Jar) spec.entrypoint(), connectMillis);
        } finally {
            heartbeat.shutdownNow();
        }
    }

    /**
     * Waits until the Sail's port accepts connections: a runner may start while its Sail boots,
     * and polling the port is quicker than the Spark client's own retries, which back off to
     * seconds between attempts.
     */
    static void awaitPort(String remote, int timeoutSeconds) {
        URI uri = URI.create(remote.replaceFirst("^sc://", "http://").replaceFirst("/;.*$", "/").replaceFirst(";.*$", ""));
        int port = uri.getPort() < 0 ? 15002 : uri.getPort();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), 1_000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(uri.getHost() + ":" + port + " did not accept connections within "
                            + timeoutSeconds + " s", e);
                }
            }
            try {
                Thread.sleep(PORT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Sail", e);
            }
        }
    }

    private static int connectTimeoutSeconds(Map<String, String> env) {
        try {
            return Integer.parseInt(env.getOrDefault("LAKESAIL_CONNECT_TIMEOUT_SECONDS",
                    Integer.toString(DEFAULT_CONNECT_TIMEOUT_SECONDS)).trim());
        } catch (NumberFormatException e) {
            return DEFAULT_CONNECT_TIMEOUT_SECONDS;
        }
    }

    /** Launched as a child process: stop at once when the parent closes our stdin, or dies, unless already exiting. */
    private static void stopWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Nothing is ever written.
                }
            } catch (IOException ignored) {
                // A broken pipe is a closed one.
            }
            if (!reported) {
                Runtime.getRuntime().halt(1);
            }
        }, "lakesail-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
