package com.lakesail.sdk.jobs;

import java.time.Instant;

/**
 * A versioned job owned by a team. Creating it publishes version 1, live at once; later edits are
 * drafts ({@link JobService#createVersion}) made live by {@link JobService#promote}.
 *
 * @param id the job id, {@code job_...}
 * @param teamId the owning team (bindings scoped to it cover the job); null for an organization-wide job
 * @param liveVersion the version new runs pin
 * @param draftVersion the newest version while it has never been live; else null
 * @param latestVersion the highest version number
 * @param version increases on every change; the expected version of an update (not a job version)
 * @param schedule the live version's schedule, or null
 * @param nextRunAt when the schedule fires next; null without one or while the job is paused
 */
public record Job(String id, String name, String description, String teamId, JobStatus status, int liveVersion,
        Integer draftVersion, int latestVersion, Instant createdAt, Instant updatedAt, long version, JobSchedule schedule,
        Instant nextRunAt) {
}
