package com.lakesail.local.engine;

import com.lakesail.engine.EngineLauncher;
import com.lakesail.engine.ReapedProcess;
import com.lakesail.engine.SailSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local engine of one backend: the launcher of its Sails and runners, the data directory that
 * {@code s3://} locations map into, and what the start-up reaping found. Everything that runs
 * compute locally shares it (job runs through {@link LocalWorkloadRuntime}; sessions alike), so a
 * backend has one launcher, one state directory and one reaping.
 *
 * <pre>
 * &lt;data dir&gt;/s3/&lt;bucket&gt;/&lt;key&gt;        what s3://bucket/key is locally (catalog locations, tables)
 * &lt;data dir&gt;/engine/               the launcher's state: pid files, class data archives, children's scratch
 * &lt;data dir&gt;/engine/workloads/&lt;id&gt;/ a workload's logs and scratch warehouse, while it has compute
 * </pre>
 *
 * <p>A backend with a data directory reaps at once what an earlier backend on it left running (a kill
 * -9 leaves its children's pid files behind); {@link #reaped()} says which workloads those were, so
 * their owners end them. A backend kept in memory gets a temporary data directory on first use,
 * deleted when it closes; its class data archives go to a directory shared by every such backend
 * built from the same engine jar, so only the first trains them.
 *
 * <p>A workload's process id is {@code <organizationId>.<workloadId>} ({@link #processId}), so what
 * reaping finds names the organization it belongs to.
 */
public final class LocalEngine implements AutoCloseable {
    /** A Sail's heap unless configured: the engine's default, four of which fit beside the backend in 24 GiB. */
    public static final int DEFAULT_SAIL_MEMORY_MB = SailSpec.DEFAULT_MEMORY_MB;
    /** The least heap a Sail is given: Spark does not start in less. */
    public static final int MIN_SAIL_MEMORY_MB = 512;
    private static final String WORKLOADS = "workloads";

    private final Path configuredDirectory;
    private final int sailMemoryMb;
    private final List<ReapedProcess> reaped;
    private Path dataDirectory;
    private EngineLauncher launcher;
    private boolean closed;

    private LocalEngine(Path dataDirectory, int sailMemoryMb) {
        if (sailMemoryMb < MIN_SAIL_MEMORY_MB) {
            throw new IllegalArgumentException("a Sail needs at least " + MIN_SAIL_MEMORY_MB + " MB: " + sailMemoryMb);
        }
        this.configuredDirectory = dataDirectory;
        this.sailMemoryMb = sailMemoryMb;
        if (dataDirectory == null) {
            this.reaped = List.of();
        } else {
            this.dataDirectory = dataDirectory.toAbsolutePath();
            this.launcher = EngineLauncher.builder().stateDirectory(this.dataDirectory.resolve("engine")).build();
            this.reaped = List.copyOf(launcher.reapOrphans());
        }
    }

    /** The engine of a backend keeping its data in {@code dataDirectory}: reaps what an earlier backend left there. */
    public static LocalEngine open(Path dataDirectory, int sailMemoryMb) {
        return new LocalEngine(Objects.requireNonNull(dataDirectory, "dataDirectory"), sailMemoryMb);
    }

    /** The engine of a backend kept in memory: a temporary data directory, made on first use. */
    public static LocalEngine temporary(int sailMemoryMb) {
        return new LocalEngine(null, sailMemoryMb);
    }

    /** The launcher; for a temporary engine, built (with its directory) on first use. */
    public synchronized EngineLauncher launcher() {
        if (closed) {
            throw new IllegalStateException("the local engine is closed");
        }
        if (launcher == null) {
            launcher = EngineLauncher.builder().stateDirectory(dataDirectory().resolve("engine"))
                    .classDataDirectory(sharedClassData()).build();
        }
        return launcher;
    }

    /** Where {@code s3://} locations live ({@code <this>/s3/bucket/key}); made on first use for a temporary engine. */
    public synchronized Path dataDirectory() {
        if (dataDirectory == null) {
            try {
                dataDirectory = Files.createTempDirectory("lakesail-engine-").toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the local engine's temporary directory", e);
            }
        }
        return dataDirectory;
    }

    /** A workload's own directory (its logs, its scratch warehouse), named by its process id. */
    public Path workloadDirectory(String processId) {
        return dataDirectory().resolve("engine").resolve(WORKLOADS).resolve(processId);
    }

    /** Removes a workload's directory and everything in it; nothing there is needed once it is deleted. */
    public void deleteWorkloadDirectory(String processId) {
        deleteRecursively(workloadDirectory(processId));
    }

    /** A Sail's heap at most, in MB: a workload asking for more gets this much locally. */
    public int sailMemoryMb() {
        return sailMemoryMb;
    }

    /** What the start-up reaping found: children an earlier backend on this data directory left behind. */
    public List<ReapedProcess> reaped() {
        return reaped;
    }

    /** The launcher's id of a workload's processes: {@code <organizationId>.<workloadId>}. */
    public static String processId(String organizationId, String workloadId) {
        return organizationId + "." + workloadId;
    }

    /** The organization and workload a reaped process belonged to, when it is one of {@link #processId}'s. */
    public static Optional<Owner> owner(ReapedProcess process) {
        int dot = process.id().indexOf('.');
        return dot <= 0 || dot == process.id().length() - 1 ? Optional.empty()
                : Optional.of(new Owner(process.id().substring(0, dot), process.id().substring(dot + 1)));
    }

    /** Whose a reaped process was. */
    public record Owner(String organizationId, String workloadId) {
    }

    /** Stops every child still running; a temporary engine's directory is then deleted. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (launcher != null) {
            launcher.close();
        }
        if (configuredDirectory == null && dataDirectory != null) {
            deleteRecursively(dataDirectory);
        }
    }

    /**
     * The class data archives of temporary engines: one directory per engine jar (so checkouts and
     * versions side by side never replace each other's archives) and per user.
     */
    private static Path sharedClassData() {
        String codeSource = String.valueOf(EngineLauncher.class.getProtectionDomain().getCodeSource().getLocation());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (System.getProperty("user.name") + '\n' + codeSource).getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "lakesail-engine-cds-" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Whatever a child still held open goes with the next clean-up of this directory.
        }
    }
}
