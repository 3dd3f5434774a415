package com.lakesail.sdk.jobs;

/** What started a run: a person (or program) asking, or the retry of another run. */
public enum TriggerType {
    MANUAL, RETRY,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
