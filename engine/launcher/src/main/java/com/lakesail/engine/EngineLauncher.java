package com.lakesail.engine;

import com.lakesail.engine.internal.ChildProgram;
import com.lakesail.engine.internal.ClassDataSharing;
import com.lakesail.engine.internal.ProcessRegistry;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts, watches and stops the engine's child JVMs: Sails (a Spark Connect server each) and
 * runners. It holds no Spark: each child gets its own classpath from its module's jar, resolved
 * in the local Maven repository, so Spark, log4j2 and Spark's Jackson never reach the backend.
 *
 * <pre>{@code
 * EngineLauncher launcher = EngineLauncher.builder().stateDirectory(dataDir.resolve("engine")).build();
 * launcher.reapOrphans();                       // once, at backend start: what a killed backend left
 * Sail sail = launcher.startSail(SailSpec.builder().id(runId).logDirectory(runLogs)
 *         .warehouseDirectory(dataDir.resolve("warehouse")).build());
 * ChildProcess runner = launcher.startRunner(RunnerSpec.builder().id(runId).logDirectory(runLogs)
 *         .environment(Map.of("SPARK_REMOTE", ..., "LAKESAIL_RUN_SPEC", ...)).build());
 * sail.awaitReady(Duration.ofMinutes(1));      // the runner waits for the Sail by itself
 * int exit = runner.onExit().join();
 * sail.stop();
 * }</pre>
 *
 * <p>State directory: {@code processes/} (a pid file per live child, for {@link #reapOrphans}),
 * {@code cds/} (class data archives, one per child classpath), {@code work/} (each child's
 * configuration and Spark scratch space, deleted when it exits).
 */
public final class EngineLauncher implements AutoCloseable {
    static final String SAIL = "sail";
    static final String RUNNER = "runner";
    private static final String READY_MARKER = "LAKESAIL-SAIL-READY port=";
    private static final Duration SAIL_GRACE = Duration.ofSeconds(10);
    private static final Duration RUNNER_GRACE = Duration.ofSeconds(3);
    /** Writing a class data archive at exit takes a few seconds of a trainer's graceful stop. */
    private static final Duration TRAINING_GRACE = Duration.ofSeconds(90);
    private static final long READY_POLL_MILLIS = 20;
    private static final List<String> PASSED_ENVIRONMENT = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final Path stateDirectory;
    private final Path javaHome;
    private final Path mavenRepository;
    private final boolean classDataSharing;
    private final boolean fastStartJit;
    private final ProcessRegistry registry;
    private final ClassDataSharing archives;
    private final Map<String, ChildProgram> programs = new ConcurrentHashMap<>();
    private final Map<String, ChildProcess> children = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lakesail-engine-watch");
        t.setDaemon(true);
        return t;
    });

    private EngineLauncher(Builder b) {
        this.stateDirectory = Objects.requireNonNull(b.stateDirectory, "stateDirectory").toAbsolutePath();
        this.javaHome = b.javaHome == null ? Path.of(System.getProperty("java.home")) : b.javaHome;
        this.mavenRepository = b.mavenRepository;
        this.classDataSharing = b.classDataSharing;
        this.fastStartJit = b.fastStartJit;
        this.registry = new ProcessRegistry(stateDirectory.resolve("processes"));
        this.archives = new ClassDataSharing(b.classDataDirectory == null ? stateDirectory.resolve("cds")
                : b.classDataDirectory.toAbsolutePath());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    /**
     * Starts a Sail and returns at once; {@link Sail#ready()} tells when it is bound. Its
     * configuration: {@code spec.sparkConf()} (the job's settings), then the warehouse, then
     * {@code spec.catalogs()}, then what the engine owns (loopback, the port, no UI, scratch
     * space, the gate).
     *
     * @throws EngineException when the Sail's program cannot be found or started
     */
    public Sail startSail(SailSpec spec) {
        ChildProgram program = program(SAIL);
        Path work = workDirectory(SAIL, spec.id());
        Properties conf = new Properties();
        conf.putAll(spec.sparkConf());
        conf.setProperty("spark.app.name", "lakesail-" + spec.id());
        conf.setProperty("spark.sql.warehouse.dir", spec.warehouseDirectory().toAbsolutePath().toUri().toString());
        conf.putAll(spec.catalogs().sparkConf());
        int port = freeLoopbackPort();
        conf.setProperty("spark.connect.grpc.binding.port", Integer.toString(port));
        if (spec.gate() != null) {
            conf.setProperty("spark.lakesail.gate.jwksFile", spec.gate().jwksFile().toAbsolutePath().toString());
            conf.setProperty("spark.lakesail.gate.issuer", spec.gate().issuer());
            conf.setProperty("spark.lakesail.gate.audience", spec.gate().audience());
            conf.setProperty("spark.lakesail.gate.sessionId", spec.gate().sessionId());
        }
        Path confFile = work.resolve("sail.properties");
        try (Writer out = Files.newBufferedWriter(confFile, StandardCharsets.UTF_8)) {
            conf.store(out, "sail " + spec.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The ready line is looked for only in what this Sail writes (a log directory may be reused).
        long logOffset = new LogFile(ChildProcess.stdoutFile(spec.logDirectory(), SAIL)).size();
        long launchedAt = System.nanoTime();
        Launched launched = launch(SAIL, spec.id(), program, spec.memoryMb(), spec.logDirectory(), work,
                // Scratch space through the environment: spark.local.dir makes Spark warn about cluster managers.
                Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOCAL_DIRS", work.resolve("scratch").toString()),
                List.of(confFile.toString()), SAIL_GRACE);
        Sail sail = new Sail(spec, launched.child(), port);
        watchReadiness(sail, launchedAt, logOffset, launched.process());
        return sail;
    }

    /**
     * Starts a runner ({@code com.lakesail.runner.RunnerMain}) with the protocol's environment. It
     * may start before its Sail is ready: it keeps trying to connect for a while.
     */
    public ChildProcess startRunner(RunnerSpec spec) {
        ChildProgram program = program(RUNNER);
        Path work = workDirectory(RUNNER, spec.id());
        return launch(RUNNER, spec.id(), program, spec.memoryMb(), spec.logDirectory(), work, spec.environment(),
                List.of(), RUNNER_GRACE).child();
    }

    /**
     * Kills every child that a previous backend with this state directory left running (after a
     * kill -9, say) and clears what they left behind. Processes are matched by pid, start time and
     * command line, so a reused pid is never touched; children of this launcher are left alone.
     *
     * @return what was found, so the caller can fail the runs and sessions they belonged to
     */
    public List<ReapedProcess> reapOrphans() {
        List<ReapedProcess> reaped = new ArrayList<>();
        for (ProcessRegistry.Entry e : registry.entries()) {
            if (children.containsKey(key(e.kind(), e.id()))) {
                continue;
            }
            boolean live = e.live().map(h -> {
                List<ProcessHandle> descendants = h.descendants().toList();
                descendants.forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
                h.onExit().join();
                return true;
            }).orElse(false);
            registry.remove(e.kind(), e.id());
            deleteRecursively(stateDirectory.resolve("work").resolve(e.kind() + "-" + e.id()));
            reaped.add(new ReapedProcess(e.kind(), e.id(), e.pid(), live));
        }
        archives.removeStale();
        return reaped;
    }

    /** Children started by this launcher that have not exited yet. */
    public List<ChildProcess> children() {
        return List.copyOf(children.values());
    }

    /** Stops every child still running (a backend shutting down), in parallel, and the watcher. */
    @Override
    public void close() {
        CompletableFuture.allOf(children.values().stream()
                .map(c -> CompletableFuture.runAsync(c::stop))
                .toArray(CompletableFuture[]::new)).join();
        watcher.shutdownNow();
    }

    private record Launched(ChildProcess child, Process process) {
    }

    private Launched launch(String kind, String id, ChildProgram program, int memoryMb, Path logDirectory, Path work,
                            Map<String, String> environment, List<String> arguments, Duration grace) {
        String key = key(kind, id);
        if (children.containsKey(key)) {
            throw new IllegalStateException(kind + " " + id + " is already running");
        }
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add("-Xmx" + memoryMb + "m");
        if (fastStartJit) {
            jvmOptions.add("-XX:TieredStopAtLevel=1");
        }
        jvmOptions.addAll(program.jvmOptions());
        ClassDataSharing.Plan plan = classDataSharing
                ? archives.plan(program.name(), program.classpath(), jvmOptions, javaHome.toString(), ProcessHandle.current().pid())
                : ClassDataSharing.Plan.NONE;
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add(ProcessRegistry.marker(kind, id));
        command.addAll(jvmOptions);
        command.addAll(plan.jvmOptions());
        command.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, program.classpath().stream().map(Path::toString).toList()));
        command.add(program.mainClass());
        command.addAll(arguments);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ChildProcess.stdoutFile(logDirectory, kind).toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(ChildProcess.stderrFile(logDirectory, kind).toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().retainAll(PASSED_ENVIRONMENT);
        env.putAll(environment);
        Process process;
        try {
            Files.createDirectories(work.resolve("tmp"));
            process = builder.start();
        } catch (IOException e) {
            archives.finish(plan, -1);
            throw new EngineException("cannot start " + kind + " " + id + ": " + e.getMessage(), e);
        }
        registry.record(kind, id, process.toHandle());
        CompletableFuture<Integer> exit = process.onExit().thenApply(p -> {
            int code = p.exitValue();
            registry.remove(kind, id);
            archives.finish(plan, code);
            deleteRecursively(work);
            // Last: a new child with this id may start from here on, in a fresh work directory.
            children.remove(key);
            return code;
        });
        ChildProcess child = new ChildProcess(kind, id, process, logDirectory, exit, plan.trains() ? TRAINING_GRACE : grace);
        children.put(key, child);
        return new Launched(child, process);
    }

    private void watchReadiness(Sail sail, long launchedAt, long logOffset, Process process) {
        ChildProcess child = sail.process();
        long deadline = launchedAt + sail.spec().startTimeout().toNanos();
        long[] offset = {logOffset};
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = watcher.scheduleWithFixedDelay(() -> {
            try {
                LogFile.Chunk chunk = child.stdout().read(offset[0], 64 * 1024);
                offset[0] = chunk.nextOffset();
                for (String line : chunk.lines()) {
                    if (line.startsWith(READY_MARKER)) {
                        sail.markReady(parseReady(line, Duration.ofNanos(System.nanoTime() - launchedAt)));
                        task[0].cancel(false);
                        return;
                    }
                }
                if (!process.isAlive()) {
                    sail.markFailed(new EngineException("sail " + sail.id() + " exited (code " + process.exitValue()
                            + ") before it was ready: " + lastLines(child)));
                    task[0].cancel(false);
                } else if (System.nanoTime() > deadline) {
                    sail.markFailed(new EngineException("sail " + sail.id() + " was not ready within "
                            + sail.spec().startTimeout().toSeconds() + " s: " + lastLines(child)));
                    task[0].cancel(false);
                    CompletableFuture.runAsync(child::kill);
                }
            } catch (RuntimeException e) {
                sail.markFailed(new EngineException("watching sail " + sail.id() + " failed: " + e.getMessage(), e));
                task[0].cancel(false);
            }
        }, 0, READY_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EngineException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static Sail.Startup parseReady(String line, Duration readyAfter) {
        String[] fields = line.substring(READY_MARKER.length()).split(" ");
        long jvm = 0;
        long spark = 0;
        for (int i = 1; i < fields.length; i++) {
            String[] kv = fields[i].split("=", 2);
            if (kv.length == 2 && kv[0].equals("jvmMillis")) {
                jvm = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("sparkMillis")) {
                spark = Long.parseLong(kv[1]);
            }
        }
        return new Sail.Startup(jvm, spark, readyAfter);
    }

    private static String lastLines(ChildProcess child) {
        List<String> lines = new ArrayList<>(child.stderr().tail(15));
        if (lines.isEmpty()) {
            lines.addAll(child.stdout().tail(15));
        }
        return lines.isEmpty() ? "(no output)" : String.join("\n", lines);
    }

    private ChildProgram program(String name) {
        return programs.computeIfAbsent(name, n -> ChildProgram.load(n, EngineLauncher.class.getClassLoader(), mavenRepository));
    }

    private Path workDirectory(String kind, String id) {
        Path work = stateDirectory.resolve("work").resolve(kind + "-" + id);
        try {
            deleteRecursively(work);
            return Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String kind, String id) {
        return kind + "-" + id;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Scratch space: whatever is left is cleared with the next child of that id, or by hand.
        }
    }

    public static final class Builder {
        private Path stateDirectory;
        private Path javaHome;
        private Path mavenRepository;
        private boolean classDataSharing = true;
        private Path classDataDirectory;
        private boolean fastStartJit = true;

        private Builder() {
        }

        /** Required: pid files, class data archives and scratch space live here (e.g. {@code <data dir>/engine}). */
        public Builder stateDirectory(Path stateDirectory) {
            this.stateDirectory = stateDirectory;
            return this;
        }

        /** The JDK children run on; the backend's own by default. */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        /** Where the children's jars are, when not in the usual places (see {@code MavenRepository}). */
        public Builder mavenRepository(Path mavenRepository) {
            this.mavenRepository = mavenRepository;
            return this;
        }

        /** AppCDS archives per classpath (on by default): they halve a Sail's start-up CPU. */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /**
         * Where the class data archives go, when not in the state directory's {@code cds/}: launchers
         * whose state is thrown away (a backend without a data directory) share one there, so only
         * the first of them trains it. Launchers may share it, also from several processes.
         */
        public Builder classDataDirectory(Path directory) {
            this.classDataDirectory = directory;
            return this;
        }

        /**
         * C1-only JIT ({@code -XX:TieredStopAtLevel=1}, on by default): a Sail starts on half the
         * CPU, at the price of slower long computations; turn it off for heavy jobs.
         */
        public Builder fastStartJit(boolean enabled) {
            this.fastStartJit = enabled;
            return this;
        }

        public EngineLauncher build() {
            return new EngineLauncher(this);
        }
    }
}
