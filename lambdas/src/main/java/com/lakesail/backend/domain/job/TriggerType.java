package com.lakesail.backend.domain.job;

/** What a job's trigger listens to (DESIGN §11). */
public enum TriggerType {
    /** An object created in an S3 bucket (locally: a file written under {@code <data dir>/s3/<bucket>/}). */
    S3,
    /** A custom event matching an EventBridge event pattern. */
    EVENT,
    /** A run of another job of the organization reaching one of the given terminal states. */
    JOB_RUN
}
