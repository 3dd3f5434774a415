package com.lakesail.runner;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.spark.sql.SparkSession;

/**
 * The runner's {@code watch-sail} mode ({@code LAKESAIL_RUNNER_MODE=watch-sail}), which the cluster
 * agent runs beside each Sail it starts on EKS (DESIGN §10): asks the Sail at {@code SPARK_REMOTE}
 * {@code SELECT 1}, exactly as the run's runner will reach it, until it answers or
 * {@code LAKESAIL_SAIL_TIMEOUT_SECONDS} pass, then reports {@code sail_ready} (with that endpoint) or
 * {@code sail_failed} to the run's callback. Exits 0 once it has reported either way, so its Job
 * retries only a crash.
 */
final class SailWatch {
    static final String MODE = "watch-sail";
    private static final int DEFAULT_TIMEOUT_SECONDS = 600;
    /** Between attempts: a Sail that boots answers within a second of being able to. */
    static final long RETRY_MILLIS = 1_000;

    /** One attempt to reach the Sail and run a query; throws when it cannot. */
    interface Probe {
        void check(String remote) throws Exception;
    }

    private final Callbacks callbacks;
    private final Probe probe;
    private final LongSupplier nanoTime;
    private final long retryMillis;

    SailWatch(Callbacks callbacks, Probe probe, LongSupplier nanoTime, long retryMillis) {
        this.callbacks = callbacks;
        this.probe = probe;
        this.nanoTime = nanoTime;
        this.retryMillis = retryMillis;
    }

    /** The probe the watcher runs on a cluster: a Spark Connect session and {@code SELECT 1}. */
    static void selectOne(String remote) throws IOException {
        try (SparkSession spark = SparkSession.builder().remote(remote).getOrCreate()) {
            spark.sql("SELECT 1").collectAsList();
        }
    }

    int run(Map<String, String> env) {
        String remote = env.get("SPARK_REMOTE");
        if (remote == null || !remote.startsWith("sc://")) {
            callbacks.send(callbacks.event("sail_failed").put("message", "the Sail watcher has no SPARK_REMOTE (sc://host:port)"));
            return 0;
        }
        int timeoutSeconds = timeoutSeconds(env);
        long deadline = nanoTime.getAsLong() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "no attempt";
        while (true) {
            try {
                probe.check(remote);
                System.out.println("lakesail-runner: the Sail at " + remote + " answers");
                callbacks.send(callbacks.event("sail_ready").put("endpoint", remote));
                return 0;
            } catch (Exception e) {
                last = Outcome.message(e);
            }
            if (nanoTime.getAsLong() - deadline >= 0) {
                callbacks.send(callbacks.event("sail_failed").put("message", "the Sail did not answer within " + timeoutSeconds
                        + " s: " + abbreviated(last)));
                return 0;
            }
            try {
                Thread.sleep(retryMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    private static int timeoutSeconds(Map<String, String> env) {
        try {
            int seconds = Integer.parseInt(env.getOrDefault("LAKESAIL_SAIL_TIMEOUT_SECONDS",
                    Integer.toString(DEFAULT_TIMEOUT_SECONDS)).trim());
            return seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
    }

    private static String abbreviated(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "…";
    }
}
