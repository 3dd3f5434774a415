package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.ConflictException;
import java.time.Instant;

/**
 * A named, versioned piece of work owned by a team (DESIGN §9). Creating a job publishes version 1,
 * live at once; every later edit is a new draft version, made live by promoting it.
 *
 * @param teamId        the owning team: role bindings scoped to it cover the job and its runs; null
 *                      for a job only organization-wide bindings cover
 * @param liveVersion   the version a new run pins
 * @param draftVersion  the newest version, while it has never been live; else null
 * @param latestVersion the highest version number issued
 * @param version       the optimistic-locking counter, as on every object (not a job version)
 * @param schedule      the live version's schedule, kept beside the job so its next run is known without reading
 *                      the version; null when the live version has none
 * @param nextRunAt     when the schedule fires next, derived from the clock when the job is read (never stored);
 *                      null when it has no schedule or is paused
 */
public record Job(String id, String organizationId, String name, String description, String teamId, JobStatus status,
                  int liveVersion, Integer draftVersion, int latestVersion, Instant createdAt, Instant updatedAt,
                  long version, JobSchedule schedule, Instant nextRunAt) {
    public static final String ID_PREFIX = "job";
    public static final int MAX_DESCRIPTION = 1000;

    public static Job create(String id, String organizationId, String name, String description, String teamId,
                             JobSchedule schedule, Instant at) {
        return new Job(id, organizationId, name, description, teamId, JobStatus.ACTIVE, 1, null, 1, at, at, 1, schedule,
                null);
    }

    /** The job as shown: with when its schedule fires next (null for none). */
    public Job withNextRunAt(Instant next) {
        return new Job(id, organizationId, name, description, teamId, status, liveVersion, draftVersion, latestVersion,
                createdAt, updatedAt, version, schedule, next);
    }

    /** Fires by itself: active, with a live schedule. */
    public boolean scheduled() {
        return status == JobStatus.ACTIVE && schedule != null;
    }

    /** A PATCH: each null argument keeps the current value. Even a PATCH that changes nothing claims a version. */
    public Job update(String newName, String newDescription, String newTeamId, Instant at) {
        return new Job(id, organizationId, newName == null ? name : newName,
                newDescription == null ? description : newDescription, newTeamId == null ? teamId : newTeamId, status,
                liveVersion, draftVersion, latestVersion, createdAt, at, version + 1, schedule, null);
    }

    /** A new draft was added: it is the newest version. */
    public Job withDraft(int number, Instant at) {
        return new Job(id, organizationId, name, description, teamId, status, liveVersion, number, number, createdAt, at,
                version + 1, schedule, null);
    }

    /** {@code number} goes live, with its schedule (or none); a newer draft stays the draft. */
    public Job promoted(int number, JobSchedule liveSchedule, Instant at) {
        if (number == liveVersion) {
            throw new ConflictException("version " + number + " of job " + id + " is already live");
        }
        Integer draft = draftVersion != null && draftVersion > number ? draftVersion : null;
        return new Job(id, organizationId, name, description, teamId, status, number, draft, latestVersion, createdAt, at,
                version + 1, liveSchedule, null);
    }

    public Job withStatus(JobStatus to, Instant at) {
        if (to == status) {
            throw new ConflictException("job " + id + " is already " + (to == JobStatus.PAUSED ? "paused" : "active"));
        }
        return new Job(id, organizationId, name, description, teamId, to, liveVersion, draftVersion, latestVersion,
                createdAt, at, version + 1, schedule, null);
    }
}
