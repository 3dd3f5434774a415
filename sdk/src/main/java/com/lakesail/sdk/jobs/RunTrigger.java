package com.lakesail.sdk.jobs;

import java.time.Instant;

/**
 * What started a run.
 *
 * @param runId       the run it retries, for {@link TriggerType#RETRY}; else null
 * @param scheduledAt the tick it was scheduled for, for {@link TriggerType#SCHEDULE}; else null
 * @param event       the event that matched one of the job's triggers, for {@link TriggerType#EVENT}; else null
 */
public record RunTrigger(TriggerType type, String runId, Instant scheduledAt, TriggerEvent event) {

    /**
     * An event a run was started for.
     *
     * @param source  {@code aws.s3}, {@code lakesail} (another job's run) or the custom event's source
     * @param subject {@code s3://bucket/key}, the upstream run's id, or null
     */
    public record TriggerEvent(String id, String source, String detailType, String subject) {
    }
}
