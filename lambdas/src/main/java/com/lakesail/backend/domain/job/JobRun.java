package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One execution of a job version (DESIGN §9). It pins the version that was live when it was
 * created, so promoting another version never changes what it runs.
 *
 * @param versionNumber     the job version it runs
 * @param attempt           1 for a manual run, n for the (n-1)th automatic retry
 * @param parameters        the values it runs with: the version's defaults overridden by the request
 * @param history           when it entered each status, in order
 * @param stoppedAt         for a run that failed, was cancelled or timed out: the status it stopped in
 * @param termination       how it ended; null until it is terminal
 * @param outcome           how the runner or Sail reported it ended, until the workflow records the termination
 * @param cancelRequestedAt when a cancel was asked for a run with compute; the workflow then cleans up
 * @param cancelReason      who or what asked that cancel ("cancelled by usr_...", "cancelled: replaced by ..."), for its termination
 * @param sailEndpoint      the Spark Connect address of its Sail once ready ({@code sc://host:port})
 * @param waitToken         the task token of the workflow stage waiting for a report, while one waits
 * @param engineMetrics     what the runner reported about the work (statements, rows, milliseconds per phase)
 * @param hasResult         a result preview is stored for it
 * @param retriedBy         the run that automatically retries it, once started
 * @param query             for an entrypoint naming a saved query: the query as resolved when the run started
 */
public record JobRun(String id, String organizationId, String jobId, int versionNumber, RunTrigger trigger, int attempt,
                     Map<String, Object> parameters, JobRunStatus status, List<StatusChange> history,
                     JobRunStatus stoppedAt, Termination termination, RunOutcome outcome, Instant cancelRequestedAt,
                     String cancelReason, RunnerProgress runnerProgress, String sailEndpoint, String waitToken,
                     Map<String, Object> engineMetrics, boolean hasResult, String retriedBy, ResolvedQuery query,
                     String createdBy, Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "jrn";

    public JobRun {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
        history = List.copyOf(history);
        engineMetrics = engineMetrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(engineMetrics));
    }

    public static JobRun create(String id, String organizationId, String jobId, int versionNumber, RunTrigger trigger,
                                int attempt, Map<String, Object> parameters, String createdBy, Instant at) {
        return new JobRun(id, organizationId, jobId, versionNumber, trigger, attempt, parameters, JobRunStatus.PENDING,
                List.of(new StatusChange(JobRunStatus.PENDING, at)), null, null, null, null, null, null, null, null, null,
                false, null, null, createdBy, at, at, 1);
    }

    public boolean terminal() {
        return status.terminal();
    }

    public boolean cancelRequested() {
        return cancelRequestedAt != null;
    }

    /** The next non-terminal stage; the wait token of the stage left behind is dropped. */
    public JobRun moveTo(JobRunStatus to, Instant at) {
        if (to.terminal()) {
            throw new IllegalArgumentException("a run ends with end(), not moveTo(" + to + ")");
        }
        JobRunStatus.LIFECYCLE.check(status, to);
        Draft d = new Draft(this);
        d.status = to;
        d.history.add(new StatusChange(to, at));
        d.waitToken = null;
        return d.build(at);
    }

    /** As {@link #moveTo}, recording the task token the new stage waits with. */
    public JobRun waiting(JobRunStatus to, String token, Instant at) {
        JobRun moved = status == to ? this : moveTo(to, at);
        Draft d = new Draft(moved);
        d.waitToken = token;
        return d.build(at);
    }

    /** Terminal: the status, how it ended, and (for a run that did not succeed) the status it stopped in. */
    public JobRun end(JobRunStatus to, Termination how, Instant at) {
        JobRunStatus.LIFECYCLE.check(status, to);
        if (!to.terminal()) {
            throw new IllegalArgumentException(to + " is not terminal");
        }
        Draft d = new Draft(this);
        d.stoppedAt = to == JobRunStatus.SUCCEEDED ? null : status;
        d.status = to;
        d.history.add(new StatusChange(to, at));
        d.termination = how;
        d.waitToken = null;
        return d.build(at);
    }

    /**
     * A cancel was asked of a run that has compute: the workflow sees it at its next stage, or at
     * once through the stage waiting on {@link #waitToken}. A run whose outcome was already reported
     * keeps that outcome.
     */
    public JobRun cancelRequested(Instant at, String reason) {
        if (terminal()) {
            throw new ConflictException("job run " + id + " is already " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        Draft d = new Draft(this);
        d.cancelRequestedAt = at;
        d.cancelReason = reason;
        return d.build(at);
    }

    public JobRun withSailEndpoint(String endpoint, Instant at) {
        Draft d = new Draft(this);
        d.sailEndpoint = endpoint;
        return d.build(at);
    }

    public JobRun withOutcome(RunOutcome reported, Instant at) {
        Draft d = new Draft(this);
        d.outcome = reported;
        return d.build(at);
    }

    public JobRun withRunnerProgress(RunnerProgress progress, Instant at) {
        Draft d = new Draft(this);
        d.runnerProgress = progress;
        return d.build(at);
    }

    /** The runner's success: its metrics, and whether a result preview was stored beside the run. */
    public JobRun withResult(Map<String, Object> metrics, boolean result, Instant at) {
        Draft d = new Draft(this);
        d.engineMetrics = metrics;
        d.hasResult = result;
        d.outcome = RunOutcome.succeeded();
        return d.build(at);
    }

    /** The saved query its entrypoint names, resolved as the run starts. */
    public JobRun withQuery(ResolvedQuery resolved, Instant at) {
        Draft d = new Draft(this);
        d.query = resolved;
        return d.build(at);
    }

    public JobRun withRetriedBy(String runId, Instant at) {
        Draft d = new Draft(this);
        d.retriedBy = runId;
        return d.build(at);
    }

    /** When the run entered {@code s}, if it did. */
    public Instant enteredAt(JobRunStatus s) {
        for (StatusChange change : history) {
            if (change.status() == s) {
                return change.at();
            }
        }
        return null;
    }

    /** How long the run spent in each status it has left, in order (the status it is in has no end yet). */
    public Map<JobRunStatus, Duration> timeInStatus() {
        Map<JobRunStatus, Duration> spent = new EnumMap<>(JobRunStatus.class);
        for (int i = 0; i + 1 < history.size(); i++) {
            spent.merge(history.get(i).status(), Duration.between(history.get(i).at(), history.get(i + 1).at()),
                    Duration::plus);
        }
        return spent;
    }

    /** 0..100: the progress of the stage reached; a running run adds the runner's statement progress. */
    public int progress() {
        if (status == JobRunStatus.SUCCEEDED) {
            return 100;
        }
        JobRunStatus reached = stoppedAt != null ? stoppedAt : status;
        int base = reached.progress();
        if (reached == JobRunStatus.RUNNING && runnerProgress != null && runnerProgress.steps() > 0) {
            return base + Math.min(29, 29 * Math.max(0, runnerProgress.step() - 1) / runnerProgress.steps());
        }
        return base;
    }

    /** The mutable copy behind the withers: one place that bumps the version. */
    private static final class Draft {
        private final JobRun from;
        private JobRunStatus status;
        private final List<StatusChange> history;
        private JobRunStatus stoppedAt;
        private Termination termination;
        private RunOutcome outcome;
        private Instant cancelRequestedAt;
        private String cancelReason;
        private RunnerProgress runnerProgress;
        private String sailEndpoint;
        private String waitToken;
        private Map<String, Object> engineMetrics;
        private boolean hasResult;
        private String retriedBy;
        private ResolvedQuery query;

        Draft(JobRun r) {
            from = r;
            status = r.status;
            history = new ArrayList<>(r.history);
            stoppedAt = r.stoppedAt;
            termination = r.termination;
            outcome = r.outcome;
            cancelRequestedAt = r.cancelRequestedAt;
            cancelReason = r.cancelReason;
            runnerProgress = r.runnerProgress;
            sailEndpoint = r.sailEndpoint;
            waitToken = r.waitToken;
            engineMetrics = r.engineMetrics;
            hasResult = r.hasResult;
            retriedBy = r.retriedBy;
            query = r.query;
        }

        JobRun build(Instant at) {
            return new JobRun(from.id, from.organizationId, from.jobId, from.versionNumber, from.trigger, from.attempt,
                    from.parameters, status, history, stoppedAt, termination, outcome, cancelRequestedAt, cancelReason, runnerProgress,
                    sailEndpoint, waitToken, engineMetrics, hasResult, retriedBy, query, from.createdBy, from.createdAt, at,
                    from.version + 1);
        }
    }
}
