package com.lakesail.sdk.events;

import com.lakesail.sdk.jobs.JobRunStatus;
import java.time.Instant;
import java.util.List;

/**
 * A custom event as it was put, and the runs it started in the organization (or had started, when
 * the same event was put before).
 */
public record PutEventResult(String id, String source, String detailType, Instant time, List<StartedRun> runs) {

    public PutEventResult {
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** A run the event started: wait on it with {@code lakesail.jobRuns().handle(run.id())}. */
    public record StartedRun(String id, String jobId, JobRunStatus status) {
    }
}
