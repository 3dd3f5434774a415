package com.lakesail.sdk.jobs;

/** Whose doing a run's end was: {@code SUCCESS} (as asked), {@code CLIENT_ERROR} (the job's SQL or limits), {@code CLOUD_FAILURE}, {@code INTERNAL_ERROR}. */
public enum TerminationType {
    SUCCESS, CLIENT_ERROR, CLOUD_FAILURE, INTERNAL_ERROR,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
