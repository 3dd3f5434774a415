package com.lakesail.sdk.jobs;

/** Whether a job takes automatic runs (schedules and triggers); a paused job still runs when asked. */
public enum JobStatus {
    ACTIVE, PAUSED,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
