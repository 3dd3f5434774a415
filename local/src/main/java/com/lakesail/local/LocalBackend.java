package com.lakesail.local;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.WorkloadRuntime;
import com.lakesail.backend.reconciler.Reconciler;
import com.lakesail.backend.service.job.JobRunLimits;
import com.lakesail.backend.service.session.SessionLimits;
import com.lakesail.backend.service.trigger.TriggerService;
import com.lakesail.engine.ReapedProcess;
import com.lakesail.local.engine.LocalEngine;
import com.lakesail.local.engine.LocalWorkloadRuntime;
import com.lakesail.local.sandbox.SandboxFaults;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.session.FileTokenSigner;
import com.lakesail.local.session.LocalSessionRuntime;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.trigger.EmbeddedEventBus;
import com.lakesail.local.trigger.LocalBucketWatcher;
import com.lakesail.local.trigger.LocalScheduler;
import com.lakesail.local.workflow.TemplateStateMachines;
import com.lakesail.local.workflow.WorkflowEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole backend in one JVM: the Lambda handlers' router and services over SQLite, the local
 * workflow engine running the state machines of {@code template.yaml} with the same task handler,
 * the sandbox cloud in place of AWS, and the local engine (a real Spark Connect server per job run,
 * see {@link LocalEngine}), served on 127.0.0.1. For tests, demos and applications that embed LakeSail.
 *
 * <pre>{@code
 * try (LocalBackend backend = LocalBackend.builder().port(0).inMemory().start()) {
 *     LocalBackend.Bootstrap boot = backend.bootstrap();
 *     LakeSail lakesail = LakeSail.builder().endpoint(backend.endpoint()).token(boot.token()).build();
 * }
 * }</pre>
 */
public final class LocalBackend implements AutoCloseable {
    /** The database file inside the data directory. */
    public static final String DATABASE_FILE = "lakesail.db";
    /** Why a run whose compute a stopped backend took with it ended. */
    static final String STOPPED_WITH_BACKEND = "the local backend stopped while this run was going on, and its Sail"
            + " and runner with it";

    private final SqliteStore store;
    private final WorkflowEngine workflows;
    private final LocalComponent component;
    private final LocalEngine engine;
    private final WorkloadRuntime workloadRuntime;
    private final LocalReconciler reconciler;
    private final LocalHttpServer server;
    private final EmbeddedEventBus bus;
    private final LocalScheduler scheduler;
    private final LocalBucketWatcher bucketWatcher;
    private final LocalSessionRuntime sessions;
    private final Path dataDirectory;
    /** This backend's address once its server listens: where runs report. */
    private final AtomicReference<URI> endpoint = new AtomicReference<>();
    /** The bootstrap done at start, when the builder asked for one. */
    private final AtomicReference<Bootstrap> boot = new AtomicReference<>();

    private LocalBackend(Builder builder) throws IOException {
        this.dataDirectory = builder.dataDirectory;
        DataDirectory created = DataDirectory.before(dataDirectory);
        SqliteStore opened;
        try {
            opened = dataDirectory == null ? SqliteStore.inMemory() : SqliteStore.open(dataDirectory.resolve(DATABASE_FILE));
        } catch (RuntimeException e) {
            created.removeWhatStartCreated();
            throw e;
        }
        this.store = opened;
        this.bus = new EmbeddedEventBus();
        // The workflow engine is started only once the graph that holds its task handler and execution
        // listener exists, so executions persisted by an earlier run resume with both in place.
        WorkflowEngine engine = null;
        LocalHttpServer http = null;
        LocalReconciler reconciling = null;
        LocalScheduler scheduling = null;
        LocalBucketWatcher watching = null;
        LocalEngine local = null;
        LocalSessionRuntime localSessions = null;
        try {
            // Before anything can start a child: what a killed predecessor left running is reaped now.
            local = dataDirectory == null ? LocalEngine.temporary(builder.sailMemoryMb)
                    : LocalEngine.open(dataDirectory, builder.sailMemoryMb);
            this.engine = local;
            this.workloadRuntime = builder.workloadRuntime != null ? builder.workloadRuntime : new LocalWorkloadRuntime(local,
                    Duration.ofSeconds(builder.jobRunLimits.sailSeconds()));
            localSessions = builder.sessionRuntime == null ? new LocalSessionRuntime(local) : null;
            this.sessions = localSessions;
            engine = WorkflowEngine.builder().store(store).clock(builder.clock).workers(builder.workflowWorkers)
                    .deferStart().build();
            this.workflows = engine;
            scheduling = new LocalScheduler(store, builder.clock);
            TemplateStateMachines.register(engine, LocalBackend.class.getClassLoader().getResourceAsStream("template.yaml"),
                    TemplateStateMachines::resource);
            this.component = DaggerLocalComponent.builder().store(store).clock(builder.clock).workflows(engine)
                    .sandboxTimings(builder.sandboxTimings).sandboxFaults(builder.sandboxFaults)
                    .log(builder.requestLog ? JsonLog.stdout(builder.clock) : JsonLog.off())
                    .workloadRuntime(workloadRuntime).jobRunLimits(builder.jobRunLimits)
                    .sessionRuntime(builder.sessionRuntime != null ? builder.sessionRuntime : localSessions)
                    .tokenSigner(dataDirectory == null ? FileTokenSigner.ephemeral() : FileTokenSigner.inDirectory(dataDirectory))
                    .sessionLimits(builder.sessionLimits)
                    .callbackEndpoint(this::callbackBase).events(bus).schedules(scheduling).build();
            LocalFunctions.register(engine, component.tasks(), component.executionEndings());
            bus.connect(component.triggers());
            scheduling.connect(component.triggers(), component.triggerWindows());
            // The port is bound first, so the endpoint is known; the connection file (when asked for)
            // is written before the port answers, so whoever sees it answer reads this run's file.
            http = new LocalHttpServer(component.api(), builder.port);
            endpoint.set(URI.create("http://127.0.0.1:" + http.port()));
            if (builder.bootstrap) {
                this.boot.set(bootstrap());
            }
            // Answering before the engine resumes persisted runs, so their stages can hand out callbacks.
            http.start();
            engine.start();
            endReapedRuns(local.reaped());
            if (localSessions != null && dataDirectory != null) {
                endOrphanedSessions(localSessions);
            }
            // Whatever an earlier run committed but did not start, starts now; then periodically.
            reconciling = new LocalReconciler(component.reconciler(), builder.clock);
            reconciling.runAtStartup();
            if (builder.workflowWorkers > 0) {
                reconciling.startPeriodic();
                scheduling.start();
            }
            // Files written under <data dir>/s3/<bucket>/ are S3 objects created: they start the runs S3 triggers ask for.
            if (dataDirectory != null) {
                watching = LocalBucketWatcher.start(dataDirectory.resolve("s3"), bus, builder.clock);
            }
            this.reconciler = reconciling;
            this.scheduler = scheduling;
            this.bucketWatcher = watching;
            this.server = http;
        } catch (IOException | RuntimeException e) {
            if (watching != null) {
                watching.close();
            }
            if (scheduling != null) {
                scheduling.close();
            }
            if (reconciling != null) {
                reconciling.close();
            }
            if (http != null) {
                http.close();
            }
            if (engine != null) {
                engine.close();
            }
            if (local != null) {
                local.close();
            }
            store.close();
            created.removeWhatStartCreated();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs whose Sail or runner a predecessor on this data directory left behind (it was killed) have
     * lost their compute: they end now, with the reason, instead of waiting for a missed heartbeat.
     */
    private void endReapedRuns(List<ReapedProcess> reaped) {
        Set<LocalEngine.Owner> owners = new LinkedHashSet<>();
        reaped.forEach(p -> LocalEngine.owner(p).ifPresent(owners::add));
        for (LocalEngine.Owner owner : owners) {
            if (owner.workloadId().startsWith(JobRun.ID_PREFIX + "_")) {
                component.lostCompute().runLost(owner.organizationId(), owner.workloadId(),
                        "the local backend stopped unexpectedly while this run was going on (killed or crashed);"
                                + " its Sail and runner were stopped when it restarted");
            }
        }
    }

    /**
     * The sessions a previous backend on this engine left open (it was killed, or stopped with them
     * open): what was left of their processes was reaped when the engine opened, and each ends now with
     * the reason, so none stays open on paper. Runs in the start, once the workflows that wait on those
     * sessions have resumed.
     */
    private void endOrphanedSessions(LocalSessionRuntime localSessions) {
        for (LocalSessionRuntime.Orphan orphan : localSessions.orphaned()) {
            component.sessionClosings().lost(orphan.organizationId(), orphan.sessionId(), orphan.backendStopped()
                    ? "the local backend stopped while the session was open; its engine stopped with it"
                    : "the local backend ended while the session was open (killed?); its engine was stopped");
            localSessions.forget(orphan);
        }
    }

    public URI endpoint() {
        return endpoint.get();
    }

    private URI callbackBase() {
        URI base = endpoint.get();
        if (base == null) {
            throw new IllegalStateException("the local backend is not listening yet");
        }
        return base;
    }

    public int port() {
        return server.port();
    }

    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** The local engine: its launcher, its data directory, what it reaped at start-up. */
    public LocalEngine engine() {
        return engine;
    }

    /** The store, for tests and benchmarks that count round trips. */
    public Store store() {
        return store;
    }

    public ApiHandler api() {
        return component.api();
    }

    /**
     * The local workflow engine running the template's state machines. With a manual clock, call
     * {@link WorkflowEngine#clockChanged()} after advancing it.
     */
    public WorkflowEngine workflows() {
        return workflows;
    }

    /**
     * Runs one reconciler pass over the outbox entries due now: starts the workflows of committed
     * changes that have none, and settles resources whose execution ended unrecorded. A backend with
     * workflow workers does this by itself every couple of seconds of its clock; with
     * {@code workflowWorkers(0)} a test calls it, as it calls {@link WorkflowEngine#runUntilIdle()}.
     */
    public Reconciler.Pass reconcile() {
        return reconciler.runDue();
    }

    /**
     * Fires the schedule ticks due on the backend's clock and starts the runs S3 triggers owe. A backend
     * with workflow workers does this by itself every second; with {@code workflowWorkers(0)} a test
     * calls it after moving its clock.
     *
     * @return how many ticks were fired
     */
    public int fireSchedules() {
        return scheduler.runDue();
    }

    /**
     * What the template's {@code TriggerFunction} runs: schedule ticks and bus events in, runs out. A test
     * calls it as Scheduler or EventBridge would invoke the function (a repeated delivery, say).
     */
    public TriggerService triggers() {
        return component.triggers();
    }

    /** The local scheduler: where each scheduled job's next tick is known. */
    public LocalScheduler scheduler() {
        return scheduler;
    }

    /**
     * The embedded event bus: what stands for the control plane's EventBridge bus. {@code put} an
     * EventBridge envelope on it to deliver an event as AWS would (an S3 notification, say).
     */
    public EmbeddedEventBus eventBus() {
        return bus;
    }

    /**
     * The default user, organization and a working token: reused from the data directory's
     * connection file when its token still works, created otherwise. See {@link LocalBootstrap}.
     */
    public Bootstrap bootstrap() {
        Bootstrap done = boot.get();
        if (done != null) {
            return done;
        }
        return new LocalBootstrap(component.identity(), component.authenticator(), store).run(endpoint(), dataDirectory);
    }

    /** How to reach this backend as its default user. */
    public record Bootstrap(URI endpoint, String token, String organizationId, String userId) {
    }

    /**
     * Stops serving, ends the runs whose compute stops with this backend (their workflows clean up
     * and record it, now or when a backend on the same data directory resumes them), stops the
     * workflow engine, then every Sail and runner, then the store.
     */
    @Override
    public void close() {
        try {
            server.close();
            if (workloadRuntime instanceof LocalWorkloadRuntime local) {
                local.active().forEach(w -> component.lostCompute().runLost(w.organizationId(), w.id(), STOPPED_WITH_BACKEND));
            }
            if (sessions != null) {
                sessions.close();
            }
        } finally {
            try {
                if (bucketWatcher != null) {
                    bucketWatcher.close();
                }
                scheduler.close();
                reconciler.close();
                workflows.close();
            } finally {
                try {
                    engine.close();
                } finally {
                    store.close();
                }
            }
        }
    }

    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private boolean requestLog;
        private int workflowWorkers = 2;
        private SandboxTimings sandboxTimings = SandboxTimings.defaults();
        private SandboxFaults sandboxFaults;
        private WorkloadRuntime workloadRuntime;
        private int sailMemoryMb = LocalEngine.DEFAULT_SAIL_MEMORY_MB;
        private JobRunLimits jobRunLimits = JobRunLimits.local();
        private boolean bootstrap;
        private SessionRuntime sessionRuntime;
        private SessionLimits sessionLimits = SessionLimits.local();

        private Builder() {
        }

        /**
         * What runs sessions: each a Sail and a session server as children of the local engine
         * ({@link LocalSessionRuntime}) unless set; tests of the control plane set a stand-in.
         */
        public Builder sessionRuntime(SessionRuntime runtime) {
            this.sessionRuntime = runtime;
            return this;
        }

        /** How sessions pace themselves; {@link SessionLimits#local()} unless set. */
        public Builder sessionLimits(SessionLimits limits) {
            this.sessionLimits = limits;
            return this;
        }

        /**
         * What runs jobs: creates each run's Sail and runner, reads their logs, deletes them. The local
         * engine ({@link LocalWorkloadRuntime}) unless set; tests set a fake that plays both.
         */
        public Builder workloadRuntime(WorkloadRuntime runtime) {
            this.workloadRuntime = runtime;
            return this;
        }

        /**
         * The most heap a local Sail gets, in MB ({@value LocalEngine#DEFAULT_SAIL_MEMORY_MB} unless set):
         * a run's Sail takes its job's driver memory up to this.
         */
        public Builder sailMemoryMb(int megabytes) {
            this.sailMemoryMb = megabytes;
            return this;
        }

        /** How long runs wait for their Sail and runner; {@link JobRunLimits#local()} unless set. */
        public Builder jobRunLimits(JobRunLimits limits) {
            this.jobRunLimits = limits;
            return this;
        }

        /** The TCP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Keep data in {@code directory} (created if absent); it survives restarts. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** Keep data in memory only (the default). */
        public Builder inMemory() {
            this.dataDirectory = null;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Workflow engine threads; 0 leaves the engine to be driven by {@link WorkflowEngine#runUntilIdle()}. */
        public Builder workflowWorkers(int workers) {
            this.workflowWorkers = workers;
            return this;
        }

        /** How long the sandbox cloud takes per operation; {@link SandboxTimings#defaults()} unless set. */
        public Builder sandboxTimings(SandboxTimings timings) {
            this.sandboxTimings = timings;
            return this;
        }

        /** Where the sandbox cloud fails on purpose; from the environment ({@link SandboxFaults#fromEnvironment()}) unless set. */
        public Builder sandboxFaults(SandboxFaults faults) {
            this.sandboxFaults = faults;
            return this;
        }

        /**
         * Bootstrap the default user while starting, writing the data directory's connection file
         * before the port answers (as {@link LocalMain} does); {@link #bootstrap()} then returns it.
         * Off by default: an embedding application may want no default user.
         */
        public Builder bootstrapAtStart(boolean enabled) {
            this.bootstrap = enabled;
            return this;
        }

        /** Print one JSON log line per request to stdout. Off by default. */
        public Builder requestLog(boolean enabled) {
            this.requestLog = enabled;
            return this;
        }

        public LocalBackend start() {
            if (sandboxFaults == null) {
                sandboxFaults = SandboxFaults.fromEnvironment();
            }
            try {
                return new LocalBackend(this);
            } catch (IOException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof BindException) {
                        throw new UncheckedIOException("cannot start the local backend: port " + port
                                + " on 127.0.0.1 is in use, perhaps by another local backend; stop it or choose another port", e);
                    }
                }
                throw new UncheckedIOException("cannot start the local backend on port " + port + ": " + e.getMessage(), e);
            }
        }
    }
}
