package com.lakesail.backend.domain.job;

import java.time.Instant;

/**
 * What started a run (DESIGN §9): a user, the retry of run X, the job's schedule (with the time it
 * was scheduled for) or an event (with the event's identity).
 *
 * @param runId       the run retried, for {@link Type#RETRY}; else null
 * @param scheduledAt the tick the run was scheduled for, for {@link Type#SCHEDULE}; else null
 * @param event       the event that matched one of the job's triggers, for {@link Type#EVENT}; else null
 */
public record RunTrigger(Type type, String runId, Instant scheduledAt, TriggerEvent event) {
    public static final RunTrigger MANUAL = new RunTrigger(Type.MANUAL, null, null, null);

    public enum Type {
        MANUAL, RETRY, SCHEDULE, EVENT
    }

    /**
     * The event a run was started for.
     *
     * @param id         the event's id as delivered (EventBridge's, or the one given when it was put)
     * @param source     {@code aws.s3}, {@code lakesail} or the custom event's source
     * @param detailType {@code Object Created}, {@code LakeSail Job Run State Change}, ...
     * @param subject    what it is about: {@code s3://bucket/key}, the upstream run's id, or null
     */
    public record TriggerEvent(String id, String source, String detailType, String subject) {
    }

    public static RunTrigger retryOf(String runId) {
        return new RunTrigger(Type.RETRY, runId, null, null);
    }

    public static RunTrigger schedule(Instant scheduledAt) {
        return new RunTrigger(Type.SCHEDULE, null, scheduledAt, null);
    }

    public static RunTrigger event(TriggerEvent event) {
        return new RunTrigger(Type.EVENT, null, null, event);
    }
}
