package com.lakesail.sdk.jobs;

/**
 * What started a run.
 *
 * @param runId the run it retries, for {@link TriggerType#RETRY}; else null
 */
public record RunTrigger(TriggerType type, String runId) {
}
