package com.lakesail.backend.domain.job;

/**
 * Whether a job takes automatic runs. A paused job keeps its versions and still runs when asked to
 * (a manual run or a retry); schedules and triggers, when they come, start nothing while it is paused.
 */
public enum JobStatus {
    ACTIVE, PAUSED
}
