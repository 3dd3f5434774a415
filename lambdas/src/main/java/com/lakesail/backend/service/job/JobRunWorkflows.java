package com.lakesail.backend.service.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.service.workflow.WorkflowStart;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Starts the {@code JobRun} state machine ({@code statemachines/job-run.asl.json}) for a run: the one
 * place where a run is committed, with its workflow's outbox entry, and its workflow started. The
 * execution name is the run id + operation + generation, so starting twice starts once.
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
    private final WorkflowOutbox outbox;
    private final JobRunLimits limits;

    @Inject
    public JobRunWorkflows(Store store, Workflows workflows, WorkflowOutbox outbox, JobRunLimits limits) {
        this.store = store;
        this.workflows = workflows;
        this.outbox = outbox;
        this.limits = limits;
    }

    /**
     * Commits the writes that create {@code run} together with the outbox entry of its workflow, then
     * starts the workflow. A start that fails (or a death before it) is the reconciler's: it starts
     * the workflow later, or ends the run {@code failed} once it gives up, so no run waits forever.
     *
     * @throws com.lakesail.backend.port.ConditionFailedException when the transaction lost a race (nothing was written)
     */
    public void commitAndStart(List<Write> writes, JobRun run, JobDefinition definition) {
        WorkflowStart start = startOf(run, definition);
        List<Write> all = new ArrayList<>(writes);
        all.add(outbox.entry(start));
        store.transact(all);
        outbox.startCommitted(start);
    }

    /** Starts the workflow of a run committed earlier (again: starting twice starts once). */
    public void start(JobRun run, JobDefinition definition) {
        outbox.startCommitted(startOf(run, definition));
    }

    private WorkflowStart startOf(JobRun run, JobDefinition definition) {
        return new WorkflowStart(run.organizationId(), STATE_MACHINE, executionName(run.id(), RUN),
                runInput(run, definition).toString());
    }

    private ObjectNode runInput(JobRun run, JobDefinition definition) {
        ObjectNode input = input(run);
        input.putObject("limits").put("sailSeconds", limits.sailSeconds())
                .put("sailHeartbeatSeconds", limits.sailHeartbeatSeconds())
                .put("timeoutSeconds", definition.timeoutSeconds())
                .put("runnerHeartbeatSeconds", limits.runnerHeartbeatSeconds(definition.timeoutSeconds()));
        return input;
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
