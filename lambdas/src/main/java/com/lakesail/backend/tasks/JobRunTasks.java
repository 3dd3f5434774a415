package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogConfigs;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.job.Entrypoint;
import com.lakesail.backend.domain.job.EntrypointType;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.JobVersion;
import com.lakesail.backend.domain.job.ResolvedQuery;
import com.lakesail.backend.domain.job.RunOutcome;
import com.lakesail.backend.domain.job.RunRetries;
import com.lakesail.backend.domain.job.Termination;
import com.lakesail.backend.domain.query.SavedQuery;
import com.lakesail.backend.domain.job.TerminationCode;
import com.lakesail.backend.port.Callback;
import com.lakesail.backend.port.CatalogSpec;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.LogPage;
import com.lakesail.backend.port.RunnerSpec;
import com.lakesail.backend.port.SailSpec;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.Workload;
import com.lakesail.backend.port.WorkloadRuntime;
import com.lakesail.backend.port.WorkloadTarget;
import com.lakesail.backend.service.job.CallbackCredentials;
import com.lakesail.backend.service.job.CallbackEndpoint;
import com.lakesail.backend.service.job.JobRecords;
import com.lakesail.backend.service.job.JobRunLimits;
import com.lakesail.backend.service.job.JobRunService;
import com.lakesail.backend.service.job.RunLogs;
import com.lakesail.backend.service.query.QueryRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.inject.Inject;

/**
 * The tasks of {@code JobRun} ({@code statemachines/job-run.asl.json}), one per stage:
 *
 * <pre>
 * jobRun.admit         pending → ready
 * jobRun.start         ready → starting: the cluster and catalogs are usable; a saved query is resolved and recorded
 * jobRun.createSail    starting → creating_sail: the run's Sail, with a Sail-watcher credential
 * jobRun.awaitSail     creating_sail → waiting_for_sail: stores the task token (completed by sail_ready)
 * jobRun.createRunner  waiting_for_sail → creating_runner: the runner, with a runner credential
 * jobRun.awaitRunner   creating_runner → running: stores the task token (completed by succeeded / failed)
 * jobRun.cleanup       every path: keeps Sail's logs, deletes the run's compute
 * jobRun.finish        the terminal status and termination; whether to retry
 * jobRun.retry         the automatic retry: a new run of the same version
 * </pre>
 *
 * A stage that finds a cancel requested, or a report of failure, throws; the state machine's Catch
 * then cleans up and {@code finish} decides how the run ended from what the run records.
 */
public final class JobRunTasks {
    private static final String ID = "runId";
    /** Sail log pages copied into the run's log at cleanup, at most. */
    private static final int MAX_LOG_PAGES = 100;

    private final Steps steps;
    private final JobRecords records;
    private final JobRunService runs;
    private final WorkloadRuntime runtime;
    private final Workflows workflows;
    private final CallbackCredentials credentials;
    private final CallbackEndpoint endpoint;
    private final JobRunLimits limits;
    private final RunLogs logs;
    private final QueryRecords queries;

    @Inject
    public JobRunTasks(Steps steps, JobRecords records, JobRunService runs, WorkloadRuntime runtime, Workflows workflows,
                       CallbackCredentials credentials, CallbackEndpoint endpoint, JobRunLimits limits, RunLogs logs,
                       QueryRecords queries) {
        this.steps = steps;
        this.records = records;
        this.runs = runs;
        this.runtime = runtime;
        this.workflows = workflows;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.limits = limits;
        this.logs = logs;
        this.queries = queries;
    }

    Map<String, Task> tasks() {
        return Map.of("jobRun.admit", publishing(this::admit), "jobRun.start", publishing(this::start),
                "jobRun.createSail", publishing(this::createSail), "jobRun.awaitSail", publishing(this::awaitSail),
                "jobRun.createRunner", publishing(this::createRunner), "jobRun.awaitRunner", publishing(this::awaitRunner),
                "jobRun.cleanup", publishing(this::cleanup), "jobRun.finish", publishing(this::finish),
                "jobRun.retry", publishing(this::retry));
    }

    /**
     * {@code task}, then the run's events still queued published, however it ended: the API has no bus,
     * and every change it makes to a run (its creation, a cancel) comes before one of its workflow's
     * tasks ends, even a task that then finds the run ended and stops the workflow.
     */
    private Task publishing(Task task) {
        return in -> {
            String runId = in.id(ID);
            try {
                return task.run(in);
            } finally {
                records.publishQueued(in.orgId(), runId);
            }
        };
    }

    /** Every run is admitted at once today; concurrency limits (next: schedules) will hold runs here. */
    private JsonNode admit(TaskInput in) {
        JobRun run = going(in);
        if (run.status() == JobRunStatus.PENDING) {
            move(in, JobRunStatus.PENDING, r -> r.moveTo(JobRunStatus.READY, steps.now()));
        }
        return Steps.ok();
    }

    /** The cluster must be usable and the catalogs still there: otherwise the run ends here, before any compute. */
    private JsonNode start(TaskInput in) {
        JobRun run = going(in);
        if (run.status() == JobRunStatus.READY) {
            run = move(in, JobRunStatus.READY, r -> r.moveTo(JobRunStatus.STARTING, steps.now()));
        }
        JobDefinition d = definition(run);
        Cluster cluster = steps.records().findCluster(in.orgId(), d.clusterId())
                .orElseThrow(() -> fail(in, TerminationCode.RESOURCE_NOT_FOUND, "cluster " + d.clusterId() + " no longer exists"));
        if (cluster.status() != ClusterStatus.ACTIVE && cluster.status() != ClusterStatus.UPDATING) {
            throw fail(in, TerminationCode.RESOURCE_NOT_FOUND, "cluster " + cluster.id() + " is "
                    + Wire.name(cluster.status()) + ": runs need an active cluster");
        }
        for (String catalogId : d.catalogIds()) {
            Catalog c = steps.records().findCatalog(in.orgId(), catalogId).orElse(null);
            if (c == null || c.status() != CatalogStatus.ACTIVE) {
                throw fail(in, TerminationCode.RESOURCE_NOT_FOUND, "catalog " + catalogId + " is "
                        + (c == null ? "gone" : Wire.name(c.status())) + ": runs need active catalogs");
            }
        }
        String queryId = d.entrypoint().queryId();
        if (queryId != null && run.query() == null) {
            // Resolved now, as the run starts, and recorded: the run says what it ran whatever the query becomes.
            SavedQuery query = queries.find(in.orgId(), queryId).orElseThrow(() -> fail(in, TerminationCode.RESOURCE_NOT_FOUND,
                    "saved query " + queryId + " no longer exists"));
            ResolvedQuery resolved = new ResolvedQuery(query.id(), query.version(), query.sql(), query.parameters());
            records.update(in.orgId(), run.id(), r -> r.query() == null ? r.withQuery(resolved, steps.now()) : null);
        }
        return Steps.ok();
    }

    private JsonNode createSail(TaskInput in) {
        JobRun run = going(in);
        if (run.status() == JobRunStatus.STARTING) {
            run = move(in, JobRunStatus.STARTING, r -> r.moveTo(JobRunStatus.CREATING_SAIL, steps.now()));
        }
        JobDefinition d = definition(run);
        Workload workload = workload(run, d);
        List<CatalogSpec> catalogs = new ArrayList<>();
        for (String catalogId : d.catalogIds()) {
            Catalog c = steps.records().catalog(in.orgId(), catalogId);
            Map<String, String> config = new LinkedHashMap<>(CatalogConfigs.fields(c.config()));
            if (c.warehouse() != null) {
                config.put("warehouse", c.warehouse());
            }
            catalogs.add(new CatalogSpec(c.name(), c.kind(), config));
        }
        Callback callback = callback(run, CallbackCredentials.Purpose.SAIL, d);
        try {
            runtime.createSail(new SailSpec(workload, catalogs, d.sparkConf(), d.compute(), callback));
        } catch (ComputeRuntimeException e) {
            if (e.retryable()) {
                throw e;
            }
            throw fail(in, TerminationCode.CLUSTER_ERROR, "the run's Sail could not be created: " + e.getMessage());
        }
        return Steps.ok();
    }

    /** Stores the stage's token; a {@code sail_ready} that came first completes it at once. */
    private JsonNode awaitSail(TaskInput in) {
        String token = token(in);
        JobRun run = move(in, JobRunStatus.CREATING_SAIL, r -> r.waiting(JobRunStatus.WAITING_FOR_SAIL, token, steps.now()),
                JobRunStatus.WAITING_FOR_SAIL);
        signalReported(run, token, run.sailEndpoint() == null ? null
                : Steps.JSON.createObjectNode().put("endpoint", run.sailEndpoint()).toString());
        return Steps.ok();
    }

    private JsonNode createRunner(TaskInput in) {
        JobRun run = going(in);
        if (run.status() == JobRunStatus.WAITING_FOR_SAIL) {
            run = move(in, JobRunStatus.WAITING_FOR_SAIL, r -> r.moveTo(JobRunStatus.CREATING_RUNNER, steps.now()));
        }
        if (run.sailEndpoint() == null) {
            throw new StageFailedException("the run's Sail reported no endpoint");
        }
        JobDefinition d = definition(run);
        Callback callback = callback(run, CallbackCredentials.Purpose.RUNNER, d);
        try {
            runtime.createRunner(new RunnerSpec(workload(run, d), run.sailEndpoint(), callback, runSpec(run, d)));
        } catch (ComputeRuntimeException e) {
            if (e.retryable()) {
                throw e;
            }
            throw fail(in, TerminationCode.CLOUD_FAILURE, "the run's runner could not be created: " + e.getMessage());
        }
        return Steps.ok();
    }

    /** Stores the stage's token; an outcome the runner reported first completes it at once. */
    private JsonNode awaitRunner(TaskInput in) {
        String token = token(in);
        JobRun run = move(in, JobRunStatus.CREATING_RUNNER, r -> r.waiting(JobRunStatus.RUNNING, token, steps.now()),
                JobRunStatus.RUNNING);
        signalReported(run, token, run.outcome() != null && run.outcome().success() ? "{\"outcome\":\"succeeded\"}" : null);
        return Steps.ok();
    }

    /** On every path: Sail's logs join the run's, then everything of the run is deleted from its cluster. */
    private JsonNode cleanup(TaskInput in) {
        JobRun run = records.run(in.orgId(), in.id(ID));
        if (run.terminal() || run.enteredAt(JobRunStatus.CREATING_SAIL) == null) {
            return Steps.ok();
        }
        Workload workload;
        try {
            workload = workload(run, definition(run));
        } catch (NotFoundException e) {
            // The cluster (or its network or account) is gone, and with it whatever ran there.
            return Steps.ok();
        }
        if (waitingForSail(run)) {
            explainSail(in, workload);
        }
        String cursor = null;
        for (int page = 0; page < MAX_LOG_PAGES; page++) {
            LogPage logPage = runtime.readLogs(workload, cursor);
            Map<String, List<String>> byStream = new LinkedHashMap<>();
            logPage.lines().forEach(l -> byStream.computeIfAbsent(l.stream(), s -> new ArrayList<>()).add(l.text()));
            byStream.forEach((stream, lines) -> logs.append(in.orgId(), run.id(), stream, lines));
            if (logPage.lines().isEmpty() || logPage.nextCursor() == null || logPage.nextCursor().equals(cursor)) {
                break;
            }
            cursor = logPage.nextCursor();
        }
        runtime.delete(workload);
        return Steps.ok();
    }

    /** A run cleaned up while it waited for its Sail, with no report and no cancel: its Sail never came up. */
    private static boolean waitingForSail(JobRun run) {
        return run.status() == JobRunStatus.WAITING_FOR_SAIL && run.outcome() == null && !run.cancelRequested();
    }

    /**
     * Before its compute goes, asks the runtime why the run's Sail is not ready (an image that cannot
     * be pulled, no node with room) and records it as the run's outcome: a better termination than
     * "did not report". Cleanup goes on whatever the answer.
     */
    private void explainSail(TaskInput in, Workload workload) {
        try {
            runtime.sailProblem(workload).ifPresent(problem -> records.update(in.orgId(), in.id(ID), r ->
                    r.terminal() || r.outcome() != null ? null : r.withOutcome(new RunOutcome(TerminationCode.CLUSTER_ERROR,
                            "Sail did not become ready: " + problem, null, null), steps.now())));
        } catch (ComputeRuntimeException e) {
            // The cluster cannot tell now; the run ends with what its workflow knows.
        }
    }

    /** The run's end, from what it records (a report, a cancel) or the error that stopped its workflow. */
    private JsonNode finish(TaskInput in) {
        JobRun read = records.run(in.orgId(), in.id(ID));
        JobVersion version = records.version(in.orgId(), read.jobId(), read.versionNumber());
        JobRun ended = records.end(in.orgId(), read.id(), r -> ending(in, r, version.definition()), steps.now());
        RunRetries retries = version.definition().retries();
        boolean retry = ended.attempt() < retries.maxAttempts()
                && ended.retriedBy() == null
                && (ended.status() == JobRunStatus.FAILED || ended.status() == JobRunStatus.TIMEOUT
                && retries.onTimeout() == RunRetries.OnTimeout.RETRY)
                && records.findJob(in.orgId(), ended.jobId()).isPresent();
        return Steps.JSON.createObjectNode().put("retry", retry).put("waitSeconds", retries.intervalSeconds());
    }

    private JsonNode retry(TaskInput in) {
        JobRun next = runs.retryAutomatically(in.orgId(), in.id(ID));
        return Steps.JSON.createObjectNode().put("runId", next.id());
    }

    private JobRecords.Ending ending(TaskInput in, JobRun r, JobDefinition d) {
        RunOutcome outcome = r.outcome();
        if (outcome != null && outcome.success()
                && (r.status() == JobRunStatus.RUNNING || r.status() == JobRunStatus.CREATING_RUNNER)) {
            return new JobRecords.Ending(JobRunStatus.SUCCEEDED, new Termination(TerminationCode.SUCCESS, null));
        }
        if (outcome != null && !outcome.success()) {
            return failed(outcome.code(), outcome.message());
        }
        if (r.cancelRequested()) {
            return new JobRecords.Ending(JobRunStatus.CANCELLED, new Termination(TerminationCode.USER_CANCELED,
                    (r.cancelReason() == null ? "cancelled" : r.cancelReason()) + " while " + Wire.name(r.status())));
        }
        String error = in.error();
        boolean running = r.status() == JobRunStatus.RUNNING;
        if (running && ("States.Timeout".equals(error)
                || "States.HeartbeatTimeout".equals(error) && limits.runnerHeartbeatIsTheTimeout(d.timeoutSeconds()))) {
            return new JobRecords.Ending(JobRunStatus.TIMEOUT, new Termination(TerminationCode.TIMEOUT,
                    "the run exceeded its timeout of " + d.timeoutSeconds() + " s"));
        }
        if ("States.Timeout".equals(error) && r.status() == JobRunStatus.WAITING_FOR_SAIL) {
            return failed(TerminationCode.CLUSTER_ERROR, "Sail did not become ready within " + limits.sailSeconds() + " s");
        }
        if ("States.HeartbeatTimeout".equals(error)) {
            return running
                    ? failed(TerminationCode.DRIVER_ERROR, "the runner stopped reporting: no heartbeat for "
                    + limits.runnerHeartbeatSeconds(d.timeoutSeconds()) + " s")
                    : failed(TerminationCode.CLUSTER_ERROR, "Sail's watcher stopped reporting: nothing for "
                    + limits.sailHeartbeatSeconds() + " s");
        }
        String reason = Steps.reason(in);
        if (error != null && (error.equals(RetryableTaskException.class.getName()) || error.startsWith("Lambda."))) {
            return failed(TerminationCode.CLOUD_FAILURE, reason);
        }
        return failed(TerminationCode.INTERNAL_ERROR, error == null ? "the run ended without an outcome" : reason);
    }

    private static JobRecords.Ending failed(TerminationCode code, String message) {
        return new JobRecords.Ending(JobRunStatus.FAILED, new Termination(code, message));
    }

    // ---- helpers

    /** The run, which must still be going: ended means another path finished it; a cancel stops the stage. */
    private JobRun going(TaskInput in) {
        JobRun run = records.run(in.orgId(), in.id(ID));
        if (run.terminal()) {
            throw new ResourceGoneException("job run " + run.id() + " has ended: it is " + Wire.name(run.status()));
        }
        if (run.cancelRequested()) {
            throw new StageFailedException("the run was cancelled");
        }
        if (run.outcome() != null && !run.outcome().success()) {
            throw new StageFailedException(run.outcome().message());
        }
        return run;
    }

    /**
     * Moves a run that is in {@code from}, re-reading after a lost race; a run already in one of
     * {@code done} (the stage is retried) gets the change again, e.g. its new task token.
     */
    private JobRun move(TaskInput in, JobRunStatus from, UnaryOperator<JobRun> change, JobRunStatus... done) {
        JobRun written = records.update(in.orgId(), in.id(ID), r -> {
            if (r.terminal()) {
                return null;
            }
            if (r.status() == from) {
                return change.apply(r);
            }
            return List.of(done).contains(r.status()) ? change.apply(r) : null;
        });
        if (written.terminal()) {
            throw new ResourceGoneException("job run " + written.id() + " has ended");
        }
        if (written.cancelRequested() && written.outcome() == null) {
            throw new StageFailedException("the run was cancelled");
        }
        return written;
    }

    /**
     * A stage that just stored its token completes itself when the report it waits for came first:
     * a failure reported, or {@code success} (the output) when the report was good.
     */
    private void signalReported(JobRun run, String token, String success) {
        try {
            if (run.outcome() != null && !run.outcome().success()) {
                workflows.sendTaskFailure(token, "LakeSail.Reported", String.valueOf(run.outcome().message()));
            } else if (success != null) {
                workflows.sendTaskSuccess(token, success);
            }
        } catch (TaskTokenException e) {
            // The callback completed it meanwhile.
        }
    }

    /** Records why the run failed (unless a report already said) and fails the stage with it. */
    private StageFailedException fail(TaskInput in, TerminationCode code, String message) {
        records.update(in.orgId(), in.id(ID), r -> r.terminal() || r.outcome() != null ? null
                : r.withOutcome(new RunOutcome(code, message, null, null), steps.now()));
        return new StageFailedException(message);
    }

    private JobDefinition definition(JobRun run) {
        return records.version(run.organizationId(), run.jobId(), run.versionNumber()).definition();
    }

    private Workload workload(JobRun run, JobDefinition d) {
        Cluster cluster = steps.records().cluster(run.organizationId(), d.clusterId());
        Network network = steps.records().network(run.organizationId(), cluster.networkId());
        return new Workload(run.organizationId(), run.id(), new WorkloadTarget(cluster.id(),
                InfraStacks.stackName(cluster.id()), network.region(), steps.access(run.organizationId(),
                network.cloudAccountId())));
    }

    /** A new credential for the run, living as long as the run can: Sail's start, the job's timeout, an hour's grace. */
    private Callback callback(JobRun run, CallbackCredentials.Purpose purpose, JobDefinition d) {
        Instant expiresAt = steps.now().plusSeconds(limits.sailSeconds() + (long) d.timeoutSeconds() + 3600);
        return new Callback(endpoint.forRun(run.id()), credentials.issue(run.organizationId(), run.id(), purpose, expiresAt));
    }

    /** {@code LAKESAIL_RUN_SPEC}, as the runner protocol defines it. */
    private String runSpec(JobRun run, JobDefinition d) {
        ObjectNode spec = Steps.JSON.createObjectNode().put("runId", run.id());
        Entrypoint e = d.entrypoint();
        ObjectNode entrypoint = spec.putObject("entrypoint").put("type", Wire.name(e.type()));
        Map<String, Object> parameters = run.parameters();
        if (e.type() == EntrypointType.SQL) {
            ArrayNode statements = entrypoint.putArray("statements");
            if (e.queryId() != null) {
                if (run.query() == null) {
                    throw new StageFailedException("the run's saved query was not resolved when it started");
                }
                statements.add(run.query().sql());
                parameters = queryParameters(run);
            } else {
                e.statements().forEach(statements::add);
            }
        } else {
            entrypoint.put("location", e.location()).put("mainClass", e.mainClass());
            ArrayNode arguments = entrypoint.putArray("arguments");
            e.arguments().forEach(arguments::add);
        }
        spec.set("parameters", Steps.JSON.valueToTree(parameters));
        spec.put("previewRows", limits.previewRows()).put("heartbeatSeconds", limits.runnerReportSeconds(d.timeoutSeconds()));
        return spec.toString();
    }

    /**
     * A saved query's run binds the run's parameters (the job version's) over the defaults the query
     * declares, so a query whose parameters all have defaults runs as it is; a declared parameter left
     * without a value fails in the engine, naming it.
     */
    private static Map<String, Object> queryParameters(JobRun run) {
        Map<String, Object> merged = new LinkedHashMap<>();
        run.query().parameters().forEach(p -> {
            if (p.defaultValue() != null) {
                merged.put(p.name(), p.defaultValue());
            }
        });
        merged.putAll(run.parameters());
        return merged;
    }

    private static String token(TaskInput in) {
        String token = in.payload().path("taskToken").asText(null);
        if (token == null) {
            throw new StageFailedException("task " + in.task() + " needs the task token");
        }
        return token;
    }
}
