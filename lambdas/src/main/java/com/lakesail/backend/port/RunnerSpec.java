package com.lakesail.backend.port;

import java.util.Map;
import java.util.Objects;

/**
 * A run's runner: the program of the {@code runner} module, started with {@link #environment()}
 * (see the runner protocol in the README).
 *
 * @param sparkRemote the run's Sail as Spark Connect addresses it, {@code sc://host:port}
 * @param runSpecJson the run's spec, {@code LAKESAIL_RUN_SPEC}: run id, entrypoint, parameters,
 *                    preview rows, heartbeat seconds
 */
public record RunnerSpec(Workload workload, String sparkRemote, Callback callback, String runSpecJson) {
    public RunnerSpec {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(sparkRemote, "sparkRemote");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(runSpecJson, "runSpecJson");
    }

    /** The runner's environment: {@code SPARK_REMOTE}, {@code LAKESAIL_CALLBACK_URL}, {@code LAKESAIL_CALLBACK_TOKEN}, {@code LAKESAIL_RUN_SPEC}. */
    public Map<String, String> environment() {
        return Map.of("SPARK_REMOTE", sparkRemote, "LAKESAIL_CALLBACK_URL", callback.url().toString(),
                "LAKESAIL_CALLBACK_TOKEN", callback.token(), "LAKESAIL_RUN_SPEC", runSpecJson);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "RunnerSpec[workload=" + workload.id() + ", sparkRemote=" + sparkRemote + ", callback=" + callback + "]";
    }
}
