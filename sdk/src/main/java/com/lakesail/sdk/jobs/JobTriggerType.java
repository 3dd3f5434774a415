package com.lakesail.sdk.jobs;

/** What a job's trigger listens to. */
public enum JobTriggerType {
    /** Objects created in an S3 bucket (locally: files written under {@code <data dir>/s3/<bucket>/}). */
    S3,
    /** Custom events matching an EventBridge event pattern ({@code lakesail.events().put(...)}). */
    EVENT,
    /** Runs of another job reaching a terminal state. */
    JOB_RUN,
    /** A value this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
