package com.lakesail.engine;

import com.lakesail.engine.catalog.SparkCatalogConf;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one Sail is started with.
 *
 * <pre>{@code
 * SailSpec spec = SailSpec.builder()
 *     .id("jrn_abc")
 *     .logDirectory(dataDir.resolve("runs/jrn_abc"))
 *     .warehouseDirectory(dataDir.resolve("warehouse"))
 *     .catalogs(SparkCatalogConf.local(catalogs, dataDir))
 *     .sparkConf(Map.of("spark.sql.shuffle.partitions", "4"))
 *     .build();
 * }</pre>
 *
 * @param id                 names the Sail's files and process; letters, digits, {@code _ . -}
 * @param catalogs           the catalogs' settings, which win over {@code sparkConf}
 * @param sparkConf          the job's settings; see {@link #isReserved} for what it may not set
 * @param memoryMb           the JVM's heap ({@code -Xmx})
 * @param logDirectory       where {@code sail.stdout.log} and {@code sail.stderr.log} go
 * @param warehouseDirectory {@code spark.sql.warehouse.dir}, for tables outside any catalog (a Delta catalog's
 *                           location takes its place)
 * @param gate               the session gate, or null for none (a job run's Sail, reached by its runner only)
 * @param startTimeout       how long it may take to get ready before it is killed
 */
public record SailSpec(String id, SparkCatalogConf catalogs, Map<String, String> sparkConf, int memoryMb, Path logDirectory,
                       Path warehouseDirectory, GateConfig gate, Duration startTimeout) {
    /** Enough for small and medium jobs; four Sails fit in 24 GiB with room for the backend. */
    public static final int DEFAULT_MEMORY_MB = 1536;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);

    static final Pattern ID = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    private static final List<String> RESERVED_PREFIXES = List.of(
        "spark.plugins", "spark.connect.", "spark.driver.host", "spark.driver.bindAddress", "spark.driver.port",
        "spark.blockManager.port", "spark.ui.", "spark.lakesail.", "spark.local.dir", "spark.sql.warehouse.dir");

    public SailSpec {
        requireId(id);
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(warehouseDirectory, "warehouseDirectory");
        catalogs = catalogs == null ? SparkCatalogConf.none() : catalogs;
        sparkConf = Map.copyOf(sparkConf == null ? Map.of() : sparkConf);
        for (String key : sparkConf.keySet()) {
            if (isReserved(key)) {
                throw new IllegalArgumentException("sparkConf may not set " + key + ": the engine sets it");
            }
        }
        if (memoryMb < 256) {
            throw new IllegalArgumentException("memoryMb must be at least 256");
        }
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
    }

    /**
     * Keys the engine owns: where the server listens, the session gate, the UI, local directories.
     * A control plane validating a job's {@code sparkConf} refuses these with a field error.
     */
    public static boolean isReserved(String key) {
        return RESERVED_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** What {@link #isReserved} refuses: every key that starts with one of these. */
    public static List<String> reservedPrefixes() {
        return RESERVED_PREFIXES;
    }

    static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1 to 128 letters, digits, '_', '.' or '-': " + id);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String id;
        private SparkCatalogConf catalogs;
        private final Map<String, String> sparkConf = new LinkedHashMap<>();
        private int memoryMb = DEFAULT_MEMORY_MB;
        private Path logDirectory;
        private Path warehouseDirectory;
        private GateConfig gate;
        private Duration startTimeout;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder catalogs(SparkCatalogConf catalogs) {
            this.catalogs = catalogs;
            return this;
        }

        /** Adds settings; later calls win for the same key. */
        public Builder sparkConf(Map<String, String> conf) {
            sparkConf.putAll(conf);
            return this;
        }

        public Builder sparkConf(String key, String value) {
            sparkConf.put(key, value);
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

        public Builder warehouseDirectory(Path warehouseDirectory) {
            this.warehouseDirectory = warehouseDirectory;
            return this;
        }

        public Builder gate(GateConfig gate) {
            this.gate = gate;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public SailSpec build() {
            return new SailSpec(id, catalogs, sparkConf, memoryMb, logDirectory, warehouseDirectory, gate, startTimeout);
        }
    }
}
