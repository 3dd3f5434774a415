package com.lakesail.backend.service.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.Termination;
import com.lakesail.backend.domain.job.TerminationCode;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.Write;
import java.time.Clock;
import java.util.List;
import javax.inject.Inject;

/**
 * Starts the {@code JobRun} state machine ({@code statemachines/job-run.asl.json}) for a run. The one
 * place where a run is committed and its workflow started, so that step can move to an outbox
 * without touching the callers. The execution name is the run id + operation + generation, so
 * starting twice starts once.
 *
 * <p>The input carries what the state machine's waits need: Sail's start limit and heartbeat, the
 * job's timeout as the running stage's TimeoutSeconds, and the runner's heartbeat limit.
 *
 * <pre>
 * {"orgId": ..., "runId": ..., "generation": 1,
 *  "limits": {"sailSeconds": 300, "sailHeartbeatSeconds": 240, "timeoutSeconds": 3600, "runnerHeartbeatSeconds": 90}}
 * </pre>
 */
public final class JobRunWorkflows {
    /** The state machine, as template.yaml names it. */
    public static final String STATE_MACHINE = "JobRun";
    /** The main execution of a run. */
    static final String RUN = "run";
    /** Cleans up and ends a run whose main execution ended without doing so. */
    static final String CLEANUP = "cleanup";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Workflows workflows;
    private final JobRunLimits limits;
    private final JobRecords records;
    private final Clock clock;

    @Inject
    public JobRunWorkflows(Store store, Workflows workflows, JobRunLimits limits, JobRecords records, Clock clock) {
        this.store = store;
        this.workflows = workflows;
        this.limits = limits;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Commits the writes that create {@code run}, then starts its workflow.
     *
     * @throws com.lakesail.backend.port.ConditionFailedException when the transaction lost a race (nothing was written)
     * @throws RuntimeException when the workflow cannot be started, after ending the run {@code failed}
     */
    public void commitAndStart(List<Write> writes, JobRun run, JobDefinition definition) {
        store.transact(writes);
        start(run, definition);
    }

    /** Starts (or finds) the run's main execution; a run whose start failed is ended, never left pending. */
    public void start(JobRun run, JobDefinition definition) {
        ObjectNode input = input(run);
        input.putObject("limits").put("sailSeconds", limits.sailSeconds())
                .put("sailHeartbeatSeconds", limits.sailHeartbeatSeconds())
                .put("timeoutSeconds", definition.timeoutSeconds())
                .put("runnerHeartbeatSeconds", limits.runnerHeartbeatSeconds(definition.timeoutSeconds()));
        try {
            workflows.start(STATE_MACHINE, executionName(run.id(), RUN), input.toString());
        } catch (RuntimeException e) {
            // Committed but without a workflow, the run would wait forever: end it, then report.
            records.end(run.organizationId(), run.id(), r -> new JobRecords.Ending(JobRunStatus.FAILED,
                    new Termination(TerminationCode.INTERNAL_ERROR, "the run's workflow could not be started: "
                            + e.getMessage())), clock.instant());
            throw e;
        }
    }

    /** Starts the execution that cleans up after a run whose main execution ended without doing so. */
    void startCleanup(JobRun run) {
        ObjectNode input = input(run).put("mode", CLEANUP);
        workflows.start(STATE_MACHINE, executionName(run.id(), CLEANUP), input.toString());
    }

    private static ObjectNode input(JobRun run) {
        return JSON.createObjectNode().put("orgId", run.organizationId()).put("runId", run.id()).put("generation", 1);
    }

    /** {@code jrn_7k2m...-run-1}: runs are started once, so the generation is always 1. */
    public static String executionName(String runId, String operation) {
        return runId + "-" + operation + "-1";
    }
}
