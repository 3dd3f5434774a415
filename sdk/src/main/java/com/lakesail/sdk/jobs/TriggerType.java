package com.lakesail.sdk.jobs;

/** What started a run: a person (or program) asking, the retry of another run, the job's schedule or an event. */
public enum TriggerType {
    MANUAL, RETRY, SCHEDULE, EVENT,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
