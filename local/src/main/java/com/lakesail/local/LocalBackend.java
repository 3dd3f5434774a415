package com.lakesail.local;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.WorkloadRuntime;
import com.lakesail.backend.reconciler.Reconciler;
import com.lakesail.backend.service.job.JobRunLimits;
import com.lakesail.backend.service.job.UnavailableWorkloadRuntime;
import com.lakesail.backend.service.session.SessionLimits;
import com.lakesail.backend.service.session.UnavailableSessionRuntime;
import com.lakesail.engine.EngineLauncher;
import com.lakesail.local.sandbox.SandboxFaults;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.session.FileTokenSigner;
import com.lakesail.local.session.LocalSessionRuntime;
import com.lakesail.local.sqlite.SqliteStore;
import com.lakesail.local.workflow.TemplateStateMachines;
import com.lakesail.local.workflow.WorkflowEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole backend in one JVM: the Lambda handlers' router and services over SQLite, the local
 * workflow engine running the state machines of {@code template.yaml} with the same task handler,
 * and the sandbox cloud in place of AWS, served on 127.0.0.1. For tests, demos and applications
 * that embed LakeSail.
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
    /** The termination message of runs on a backend without a local engine. */
    public static final String NO_LOCAL_ENGINE = "no local engine configured: this backend cannot run jobs";
    /** Why a session fails on a backend without a local engine. */
    public static final String NO_SESSION_ENGINE = "no local engine configured: this backend cannot open sessions";

    private final SqliteStore store;
    private final WorkflowEngine workflows;
    private final LocalComponent component;
    private final LocalReconciler reconciler;
    private final LocalHttpServer server;
    private final LocalSessionRuntime sessions;
    private final EngineLauncher engineLauncher;
    private final Path dataDirectory;
    /** This backend's address once its server listens: where runs report. */
    private final AtomicReference<URI> endpoint = new AtomicReference<>();

    private LocalBackend(Builder builder) throws IOException {
        this.dataDirectory = builder.dataDirectory;
        this.store = dataDirectory == null ? SqliteStore.inMemory() : SqliteStore.open(dataDirectory.resolve(DATABASE_FILE));
        // The engine is started only once the graph that holds its task handler and execution
        // listener exists, so executions persisted by an earlier run resume with both in place.
        WorkflowEngine engine = null;
        LocalHttpServer http = null;
        LocalReconciler reconciling = null;
        LocalSessionRuntime localSessions = builder.sessionRuntime == null && builder.engine != null
                ? new LocalSessionRuntime(builder.engine, dataDirectory != null ? dataDirectory
                : builder.engine.stateDirectory().resolve("data")) : null;
        this.sessions = localSessions;
        this.engineLauncher = builder.engine;
        try {
            engine = WorkflowEngine.builder().store(store).clock(builder.clock).workers(builder.workflowWorkers)
                    .deferStart().build();
            this.workflows = engine;
            TemplateStateMachines.register(engine, LocalBackend.class.getClassLoader().getResourceAsStream("template.yaml"),
                    TemplateStateMachines::resource);
            this.component = DaggerLocalComponent.builder().store(store).clock(builder.clock).workflows(engine)
                    .sandboxTimings(builder.sandboxTimings).sandboxFaults(builder.sandboxFaults)
                    .log(builder.requestLog ? JsonLog.stdout(builder.clock) : JsonLog.off())
                    .workloadRuntime(builder.workloadRuntime).jobRunLimits(builder.jobRunLimits)
                    .sessionRuntime(builder.sessionRuntime != null ? builder.sessionRuntime : localSessions != null
                            ? localSessions : new UnavailableSessionRuntime(NO_SESSION_ENGINE))
                    .tokenSigner(dataDirectory == null ? FileTokenSigner.ephemeral() : FileTokenSigner.inDirectory(dataDirectory))
                    .sessionLimits(builder.sessionLimits)
                    .callbackEndpoint(this::callbackBase).build();
            LocalFunctions.register(engine, component.tasks(), component.executionEndings());
            // Listening before the engine resumes persisted runs, so their stages can hand out callbacks.
            http = new LocalHttpServer(component.api(), builder.port);
            endpoint.set(URI.create("http://127.0.0.1:" + http.port()));
            engine.start();
            if (localSessions != null) {
                endOrphanedSessions(builder.engine, localSessions);
            }
            // Whatever an earlier run committed but did not start, starts now; then periodically.
            reconciling = new LocalReconciler(component.reconciler(), builder.clock);
            reconciling.runAtStartup();
            if (builder.workflowWorkers > 0) {
                reconciling.startPeriodic();
            }
            this.reconciler = reconciling;
            this.server = http;
        } catch (IOException | RuntimeException e) {
            if (reconciling != null) {
                reconciling.close();
            }
            if (http != null) {
                http.close();
            }
            if (engine != null) {
                engine.close();
            }
            store.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The sessions a previous backend on this engine left open (it was killed, or stopped with them
     * open): what is left of their processes is reaped, and each ends with the reason, so none stays
     * open on paper. Runs in the start, once the workflows that wait on those sessions have resumed.
     */
    private void endOrphanedSessions(EngineLauncher launcher, LocalSessionRuntime localSessions) {
        launcher.reapOrphans();
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

    /** The local engine this backend runs Sails and session servers on, if it was given one. */
    public Optional<EngineLauncher> engine() {
        return Optional.ofNullable(engineLauncher);
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
     * The default user, organization and a working token: reused from the data directory's
     * connection file when its token still works, created otherwise. See {@link LocalBootstrap}.
     */
    public Bootstrap bootstrap() {
        return new LocalBootstrap(component.identity(), component.authenticator(), store).run(endpoint(), dataDirectory);
    }

    /** How to reach this backend as its default user. */
    public record Bootstrap(URI endpoint, String token, String organizationId, String userId) {
    }

    @Override
    public void close() {
        try {
            server.close();
            if (sessions != null) {
                sessions.close();
            }
        } finally {
            try {
                reconciler.close();
                workflows.close();
            } finally {
                store.close();
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
        // Temporary, until the engine module's local Sail and runner are wired in: every run fails
        // at its Sail stage with this message.
        private WorkloadRuntime workloadRuntime = new UnavailableWorkloadRuntime(NO_LOCAL_ENGINE);
        private JobRunLimits jobRunLimits = JobRunLimits.local();
        private EngineLauncher engine;
        private SessionRuntime sessionRuntime;
        private SessionLimits sessionLimits = SessionLimits.local();

        private Builder() {
        }

        /**
         * The local engine: Sails and session servers run as its child processes ({@code LocalMain}
         * gives one in {@code <data dir>/engine}). Without one, sessions fail saying
         * "{@value #NO_SESSION_ENGINE}". The backend stops the processes it started when it closes;
         * the launcher stays the caller's to close.
         */
        public Builder engine(EngineLauncher launcher) {
            this.engine = launcher;
            return this;
        }

        /** What runs sessions, instead of the engine (a test's stand-in). */
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
         * What runs jobs: creates each run's Sail and runner, reads their logs, deletes them. Until the
         * local engine is configured here, every run fails with "{@value #NO_LOCAL_ENGINE}".
         */
        public Builder workloadRuntime(WorkloadRuntime runtime) {
            this.workloadRuntime = runtime;
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
                throw new UncheckedIOException("cannot start the local backend on port " + port, e);
            }
        }
    }
}
