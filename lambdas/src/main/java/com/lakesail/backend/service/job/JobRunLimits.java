package com.lakesail.backend.service.job;

import java.time.Duration;

/**
 * How long a run's workflow waits for its reporters, per host: a Sail on EKS may wait for a node and
 * pull an image, a local one is a JVM start.
 *
 * @param sailSeconds          how long Sail may take to report ready before the run fails
 * @param sailHeartbeatSeconds how long Sail's watcher may stay silent meanwhile (any report counts)
 * @param heartbeatSeconds     how often the runner reports while it runs (its run spec says so)
 * @param missedHeartbeats     how many runner heartbeats may go missing before the runner counts as lost
 * @param previewRows          the rows a SQL run's result preview holds at most
 * @param logRetention         how long a run's logs are kept
 */
public record JobRunLimits(int sailSeconds, int sailHeartbeatSeconds, int heartbeatSeconds, int missedHeartbeats,
                           int previewRows, Duration logRetention) {

    public JobRunLimits {
        if (sailHeartbeatSeconds < 1 || sailHeartbeatSeconds >= sailSeconds || heartbeatSeconds < 1 || missedHeartbeats < 1
                || previewRows < 1) {
            throw new IllegalArgumentException("invalid job-run limits: " + this);
        }
    }

    /** On EKS: Sail may need a new node and an image pull. */
    public static JobRunLimits aws() {
        return new JobRunLimits(900, 600, 20, 4, 100, Duration.ofDays(30));
    }

    /** Locally Sail is a JVM on this machine: up a few seconds after start, slower on a loaded one. */
    public static JobRunLimits local() {
        return new JobRunLimits(300, 240, 20, 4, 100, Duration.ofDays(30));
    }

    /**
     * The running stage's HeartbeatSeconds: {@code missedHeartbeats} runner heartbeats, but below the
     * stage's TimeoutSeconds (the job's timeout), as Step Functions requires.
     */
    public int runnerHeartbeatSeconds(int timeoutSeconds) {
        return Math.max(1, Math.min(heartbeatSeconds * missedHeartbeats + heartbeatSeconds / 2, timeoutSeconds - 1));
    }

    /**
     * Whether the running stage's heartbeat limit is cut to just below the job's timeout: then the limit
     * can only run out when the runner has not reported at all since it was created (a runner JVM slow
     * to start on a loaded machine), one second before the timeout itself, so the run has in fact used
     * its whole timeout and ends {@code timeout}, not as a lost runner.
     */
    public boolean runnerHeartbeatIsTheTimeout(int timeoutSeconds) {
        return runnerHeartbeatSeconds(timeoutSeconds) >= timeoutSeconds - 1;
    }

    /**
     * How often the runner of a job with this timeout reports ({@code heartbeatSeconds} in its run
     * spec): {@link #heartbeatSeconds}, or more often for a short job, whose running stage's heartbeat
     * limit is cut below its timeout, so that {@link #missedHeartbeats} reports still fit in that limit
     * and a short job ends {@code timeout}, not as a lost runner.
     */
    public int runnerReportSeconds(int timeoutSeconds) {
        return Math.max(1, Math.min(heartbeatSeconds, runnerHeartbeatSeconds(timeoutSeconds) / missedHeartbeats));
    }
}
