package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.RunOutcome;
import com.lakesail.backend.domain.job.TerminationCode;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.Workflows;
import java.time.Clock;
import javax.inject.Inject;

/**
 * A run whose compute is gone without a word from it: its Sail and runner died with the host that
 * ran them (a local backend killed and restarted, or stopped while the run went on). Nothing will
 * report for it any more, so rather than wait for a missed heartbeat the run's failure is recorded
 * at once and the stage waiting on it is failed: the workflow cleans up and ends the run with the
 * reason. A stage that is not waiting finds the failure when it starts.
 */
public final class LostCompute {
    /** The error the waiting stage is failed with. */
    public static final String ERROR = "LakeSail.ComputeLost";

    private final JobRecords records;
    private final Workflows workflows;
    private final Clock clock;

    @Inject
    public LostCompute(JobRecords records, Workflows workflows, Clock clock) {
        this.records = records;
        this.workflows = workflows;
        this.clock = clock;
    }

    /**
     * Ends the run {@code runId} with {@code reason}, unless it has ended, is being cancelled or has
     * reported its outcome already.
     *
     * @return whether the run was still going and is now ending for this reason
     */
    public boolean runLost(String orgId, String runId, String reason) {
        JobRun run = records.findRun(orgId, runId).orElse(null);
        if (run == null || run.terminal()) {
            return false;
        }
        boolean[] recorded = {false};
        JobRun written = records.update(orgId, runId, r -> {
            recorded[0] = !(r.terminal() || r.cancelRequested() || r.outcome() != null);
            return recorded[0] ? r.withOutcome(new RunOutcome(TerminationCode.CLUSTER_ERROR, reason, null, null),
                    clock.instant()) : null;
        });
        if (recorded[0] && written.waitToken() != null) {
            try {
                workflows.sendTaskFailure(written.waitToken(), ERROR, reason);
            } catch (TaskTokenException e) {
                // The stage stopped waiting meanwhile: the next one finds the recorded failure.
            }
        }
        return recorded[0];
    }
}
