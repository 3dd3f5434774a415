package com.lakesail.backend.domain.job;

/**
 * What started a run. Schedules and events are the next kinds (DESIGN §11).
 *
 * @param runId the run retried, for {@link Type#RETRY}; else null
 */
public record RunTrigger(Type type, String runId) {
    public static final RunTrigger MANUAL = new RunTrigger(Type.MANUAL, null);

    public enum Type {
        MANUAL, RETRY
    }

    public static RunTrigger retryOf(String runId) {
        return new RunTrigger(Type.RETRY, runId);
    }
}
