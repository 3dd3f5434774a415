package com.lakesail.sdk.jobs;

import com.lakesail.sdk.waiter.Lifecycle;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a job version. It pins the version that was live when it was created.
 *
 * <pre>{@code
 * JobRun run = lakesail.jobs().run(r -> r.jobId(job.id()).parameter("day", "2026-12-01"))
 *     .waitUntilTerminal(Duration.ofHours(2), r -> System.out.println(r.status()));
 * if (run.status().isSuccess()) {
 *     run.result().rows().forEach(System.out::println);
 * } else {
 *     System.err.println(run.termination().code() + ": " + run.termination().message());
 * }
 * }</pre>
 *
 * @param id the run id, {@code jrn_...}
 * @param versionNumber the job version it runs
 * @param attempt 1, or n for the (n-1)th automatic retry
 * @param retryOf the run it retries, or null
 * @param retriedBy the run that automatically retried it, or null
 * @param parameters the values it runs with (the version's defaults, overridden by the request)
 * @param stage the status it is in, or the one it stopped in
 * @param progress 0 to 100
 * @param statusHistory when it entered each status
 * @param termination how it ended; null until it is terminal
 * @param cancelRequested a cancel is under way
 * @param runnerProgress the runner's last report, or null
 * @param hasResult the run has a result preview
 * @param result the result preview, when read with {@code get} and the run has one; else null
 * @param createdBy the user who started it; null for an automatic retry
 */
public record JobRun(String id, String jobId, int versionNumber, RunTrigger trigger, int attempt, String retryOf,
        String retriedBy, Map<String, Object> parameters, JobRunStatus status, String statusReason, String stage,
        int progress, List<StatusChange> statusHistory, Termination termination, boolean cancelRequested,
        RunnerProgress runnerProgress, RunMetrics metrics, boolean hasResult, ResultPreview result, String createdBy,
        Instant createdAt, Instant updatedAt, long version) implements Lifecycle {

    public JobRun {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
    }

    /** Succeeded. */
    @Override
    public boolean isTerminalSuccess() {
        return status == JobRunStatus.SUCCEEDED;
    }

    /** Failed, cancelled or timed out. */
    @Override
    public boolean isTerminalFailure() {
        return status != null && status.isTerminal() && !status.isSuccess();
    }
}
