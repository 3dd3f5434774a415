package com.lakesail.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one runner is started with: the environment of the runner protocol ({@code SPARK_REMOTE},
 * {@code LAKESAIL_CALLBACK_URL}, {@code LAKESAIL_CALLBACK_TOKEN}, {@code LAKESAIL_RUN_SPEC}).
 * The runner gets that environment and a minimal one besides (PATH, HOME, locale, TZ), never the
 * backend's own.
 *
 * @param logDirectory where {@code runner.stdout.log} and {@code runner.stderr.log} go
 */
public record RunnerSpec(String id, Map<String, String> environment, int memoryMb, Path logDirectory) {
    /** The runner holds a Spark Connect client and, for a jar, the job's own driver code. */
    public static final int DEFAULT_MEMORY_MB = 512;

    public RunnerSpec {
        SailSpec.requireId(id);
        Objects.requireNonNull(logDirectory, "logDirectory");
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        if (memoryMb < 64) {
            throw new IllegalArgumentException("memoryMb must be at least 64");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String id;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private int memoryMb = DEFAULT_MEMORY_MB;
        private Path logDirectory;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = logDirectory;
            return this;
        }

        public RunnerSpec build() {
            return new RunnerSpec(id, environment, memoryMb, logDirectory);
        }
    }
}
