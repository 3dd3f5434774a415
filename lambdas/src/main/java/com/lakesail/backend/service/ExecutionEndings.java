package com.lakesail.backend.service;

import com.lakesail.backend.service.infra.ExecutionFailures;
import com.lakesail.backend.service.job.JobRunFailures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import javax.inject.Inject;

/**
 * What the events function does with an execution that ended badly: the area whose resource the
 * execution's input names handles it (a job run's {@code runId}, else an infrastructure resource).
 */
public final class ExecutionEndings implements ExecutionEnded {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutionFailures infrastructure;
    private final JobRunFailures jobRuns;

    @Inject
    public ExecutionEndings(ExecutionFailures infrastructure, JobRunFailures jobRuns) {
        this.infrastructure = infrastructure;
        this.jobRuns = jobRuns;
    }

    @Override
    public boolean executionEnded(String executionName, String status, String inputJson, String error, String cause,
                                  Instant stoppedAt) {
        if (namesARun(inputJson)) {
            return jobRuns.executionEnded(executionName, status, inputJson, error, cause, stoppedAt);
        }
        return infrastructure.executionEnded(executionName, status, inputJson, error, cause, stoppedAt);
    }

    private static boolean namesARun(String inputJson) {
        try {
            return inputJson != null && JSON.readTree(inputJson).hasNonNull("runId");
        } catch (IOException e) {
            return false;
        }
    }
}
