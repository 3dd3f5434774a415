package com.lakesail.backend.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.service.infra.ExecutionFailures;
import com.lakesail.backend.service.job.JobRunFailures;
import com.lakesail.backend.service.session.SessionFailures;
import java.io.IOException;
import java.time.Instant;
import javax.inject.Inject;

/**
 * What the events function does with an execution that ended badly: the area whose resource the
 * execution's input names handles it (a job run's {@code runId}, a session's {@code sessionId}, else
 * an infrastructure resource).
 */
public final class ExecutionEndings implements ExecutionEnded {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutionFailures infrastructure;
    private final JobRunFailures jobRuns;
    private final SessionFailures sessions;

    @Inject
    public ExecutionEndings(ExecutionFailures infrastructure, JobRunFailures jobRuns, SessionFailures sessions) {
        this.infrastructure = infrastructure;
        this.jobRuns = jobRuns;
        this.sessions = sessions;
    }

    @Override
    public boolean executionEnded(String executionName, String status, String inputJson, String error, String cause,
                                  Instant stoppedAt) {
        JsonNode input = parse(inputJson);
        if (input.hasNonNull("runId")) {
            return jobRuns.executionEnded(executionName, status, inputJson, error, cause, stoppedAt);
        }
        if (input.hasNonNull("sessionId")) {
            return sessions.executionEnded(executionName, status, inputJson, error, cause, stoppedAt);
        }
        return infrastructure.executionEnded(executionName, status, inputJson, error, cause, stoppedAt);
    }

    private static JsonNode parse(String inputJson) {
        try {
            return inputJson == null ? JSON.createObjectNode() : JSON.readTree(inputJson);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
