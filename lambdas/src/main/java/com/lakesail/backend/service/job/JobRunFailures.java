package com.lakesail.backend.service.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.RunOutcome;
import com.lakesail.backend.domain.job.Termination;
import com.lakesail.backend.domain.job.TerminationCode;
import com.lakesail.backend.service.ExecutionEnded;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * A job-run execution that ended badly without ending its run (a bug, an abort, the execution's
 * own time limit): the run must neither wait forever nor leave its Sail running. The reason is
 * recorded as the run's outcome and a cleanup execution of the same state machine removes the
 * run's compute and ends it; if that cannot start, or it is the cleanup that ended badly, the run is
 * ended {@code failed} directly.
 */
public final class JobRunFailures implements ExecutionEnded {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BAD_ENDINGS = Set.of("FAILED", "TIMED_OUT", "ABORTED");

    private final JobRecords records;
    private final JobRunWorkflows workflows;
    private final Clock clock;

    @Inject
    public JobRunFailures(JobRecords records, JobRunWorkflows workflows, Clock clock) {
        this.records = records;
        this.workflows = workflows;
        this.clock = clock;
    }

    @Override
    public boolean executionEnded(String executionName, String status, String inputJson, String error, String cause,
                                  Instant stoppedAt) {
        if (!BAD_ENDINGS.contains(status) || inputJson == null) {
            return false;
        }
        JsonNode input;
        try {
            input = JSON.readTree(inputJson);
        } catch (IOException e) {
            return false;
        }
        String orgId = input.path("orgId").asText(null);
        String runId = input.path("runId").asText(null);
        Optional<JobRun> run = orgId == null || runId == null ? Optional.empty() : records.findRun(orgId, runId);
        if (run.isEmpty() || run.get().terminal()) {
            return false;
        }
        String reason = "the run's workflow ended " + status.toLowerCase(Locale.ROOT).replace('_', ' ')
                // Colons, not parentheses: a cause may carry parentheses of its own, and nested ones read badly.
                + (error == null ? "" : ": " + error + (cause == null || cause.isBlank() ? "" : ": " + cause));
        if (!JobRunWorkflows.CLEANUP.equals(input.path("mode").asText())) {
            records.update(orgId, runId, r -> r.terminal() || r.outcome() != null ? null
                    : r.withOutcome(new RunOutcome(TerminationCode.INTERNAL_ERROR, reason, null, null), clock.instant()));
            try {
                workflows.startCleanup(run.get());
                return true;
            } catch (RuntimeException e) {
                // No cleanup execution: end the run here, saying its compute may remain.
            }
        }
        records.end(orgId, runId, r -> new JobRecords.Ending(JobRunStatus.FAILED, new Termination(
                TerminationCode.INTERNAL_ERROR, reason + "; the run's compute may not have been removed")), clock.instant());
        return true;
    }
}
