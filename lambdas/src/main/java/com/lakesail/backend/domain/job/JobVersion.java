package com.lakesail.backend.domain.job;

import java.time.Instant;

/**
 * One numbered, immutable definition of a job. Only {@link #status} moves (draft → live → retired,
 * and a retired version may go live again); {@link #definition} never changes.
 *
 * @param number     1, 2, ... in the order versions were made (the API's {@code versionNumber})
 * @param basedOn    the version this one was derived from, or null for version 1
 * @param createdBy  the user who made it
 * @param promotedAt when it last went live, or null if never
 * @param version    the optimistic-locking counter of this item
 */
public record JobVersion(String organizationId, String jobId, int number, JobVersionStatus status, Integer basedOn,
                         JobDefinition definition, String createdBy, Instant createdAt, Instant promotedAt,
                         long version) {

    /** Version 1, published live as the job is created. */
    public static JobVersion first(String organizationId, String jobId, JobDefinition definition, String createdBy,
                                   Instant at) {
        return new JobVersion(organizationId, jobId, 1, JobVersionStatus.LIVE, null, definition, createdBy, at, at, 1);
    }

    public static JobVersion draft(String organizationId, String jobId, int number, Integer basedOn,
                                   JobDefinition definition, String createdBy, Instant at) {
        return new JobVersion(organizationId, jobId, number, JobVersionStatus.DRAFT, basedOn, definition, createdBy, at,
                null, 1);
    }

    public JobVersion live(Instant at) {
        return new JobVersion(organizationId, jobId, number, JobVersionStatus.LIVE, basedOn, definition, createdBy,
                createdAt, at, version + 1);
    }

    public JobVersion retired() {
        return new JobVersion(organizationId, jobId, number, JobVersionStatus.RETIRED, basedOn, definition, createdBy,
                createdAt, promotedAt, version + 1);
    }
}
