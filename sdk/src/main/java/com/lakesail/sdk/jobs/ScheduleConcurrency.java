package com.lakesail.sdk.jobs;

/** What a schedule's tick does while runs of the job are still active. */
public enum ScheduleConcurrency {
    /** Nothing starts: the tick is recorded as a run ended {@code cancelled} with termination {@code skipped}. */
    SKIP,
    /** A run starts unless {@code maxConcurrentRuns} are active (then the tick is skipped, as above). */
    ALLOW,
    /** The active runs are cancelled and the new one starts. */
    REPLACE,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
