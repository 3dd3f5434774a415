package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.Lifecycle;

/**
 * A run's lifecycle (DESIGN §9), one state per stage of the job-run workflow:
 *
 * <pre>
 * pending → ready → starting → creating_sail → waiting_for_sail → creating_runner → running
 *         → succeeded | failed | cancelled | timeout
 * </pre>
 *
 * Every non-terminal state may end {@code failed} or {@code cancelled}; only a running run can time
 * out, and only a running one can succeed, or one whose runner finished before its stage recorded it running. {@link #progress()} is the run's progress on entering the state.
 */
public enum JobRunStatus {
    PENDING(0), READY(5), STARTING(10), CREATING_SAIL(20), WAITING_FOR_SAIL(35), CREATING_RUNNER(60), RUNNING(70),
    SUCCEEDED(100), FAILED(100), CANCELLED(100), TIMEOUT(100);

    public static final Lifecycle<JobRunStatus> LIFECYCLE = Lifecycle.of(JobRunStatus.class)
            .allow(PENDING, READY, FAILED, CANCELLED)
            .allow(READY, STARTING, FAILED, CANCELLED)
            .allow(STARTING, CREATING_SAIL, FAILED, CANCELLED)
            .allow(CREATING_SAIL, WAITING_FOR_SAIL, FAILED, CANCELLED)
            .allow(WAITING_FOR_SAIL, CREATING_RUNNER, FAILED, CANCELLED)
            .allow(CREATING_RUNNER, RUNNING, SUCCEEDED, FAILED, CANCELLED)
            .allow(RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMEOUT)
            .build();

    private final int progress;

    JobRunStatus(int progress) {
        this.progress = progress;
    }

    public int progress() {
        return progress;
    }

    public boolean terminal() {
        return LIFECYCLE.isTerminal(this);
    }

    /** Nothing of the run exists on a cluster yet: a cancel can end it at once. */
    public boolean beforeCompute() {
        return this == PENDING || this == READY;
    }
}
