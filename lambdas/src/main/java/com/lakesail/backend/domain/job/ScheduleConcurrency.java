package com.lakesail.backend.domain.job;

/** What a schedule's tick does while runs of the job are still active. */
public enum ScheduleConcurrency {
    /** Starts nothing; the tick is recorded as a run ended {@code cancelled} with termination {@code skipped}. */
    SKIP,
    /** Starts a run unless {@code maxConcurrentRuns} are already active (then it is skipped, as above). */
    ALLOW,
    /** Cancels the active runs and starts the new one. */
    REPLACE
}
