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
 */
public record Job(String id, String organizationId, String name, String description, String teamId, JobStatus status,
                  int liveVersion, Integer draftVersion, int latestVersion, Instant createdAt, Instant updatedAt,
                  long version) {
    public static final String ID_PREFIX = "job";
    public static final int MAX_DESCRIPTION = 1000;

    public static Job create(String id, String organizationId, String name, String description, String teamId,
                             Instant at) {
        return new Job(id, organizationId, name, description, teamId, JobStatus.ACTIVE, 1, null, 1, at, at, 1);
    }

    /** A PATCH: each null argument keeps the current value. Even a PATCH that changes nothing claims a version. */
    public Job update(String newName, String newDescription, String newTeamId, Instant at) {
        return new Job(id, organizationId, newName == null ? name : newName,
                newDescription == null ? description : newDescription, newTeamId == null ? teamId : newTeamId, status,
                liveVersion, draftVersion, latestVersion, createdAt, at, version + 1);
    }

    /** A new draft was added: it is the newest version. */
    public Job withDraft(int number, Instant at) {
        return new Job(id, organizationId, name, description, teamId, status, liveVersion, number, number, createdAt, at,
                version + 1);
    }

    /** {@code number} goes live; a newer draft stays the draft. */
    public Job promoted(int number, Instant at) {
        if (number == liveVersion) {
            throw new ConflictException("version " + number + " of job " + id + " is already live");
        }
        Integer draft = draftVersion != null && draftVersion > number ? draftVersion : null;
        return new Job(id, organizationId, name, description, teamId, status, number, draft, latestVersion, createdAt, at,
                version + 1);
    }

    public Job withStatus(JobStatus to, Instant at) {
        if (to == status) {
            throw new ConflictException("job " + id + " is already " + (to == JobStatus.PAUSED ? "paused" : "active"));
        }
        return new Job(id, organizationId, name, description, teamId, to, liveVersion, draftVersion, latestVersion,
                createdAt, at, version + 1);
    }
}
