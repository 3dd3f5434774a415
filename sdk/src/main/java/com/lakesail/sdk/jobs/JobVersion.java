package com.lakesail.sdk.jobs;

import java.time.Instant;

/**
 * One numbered version of a job. Its definition never changes; only its status moves.
 *
 * @param versionNumber 1, 2, ... in the order versions were made
 * @param basedOn the version it was derived from; null for version 1
 * @param createdBy the user who made it
 * @param promotedAt when it last went live; null if never
 * @param version the optimistic-locking counter of this version's record
 */
public record JobVersion(String jobId, int versionNumber, JobVersionStatus status, Integer basedOn,
        JobDefinition definition, String createdBy, Instant createdAt, Instant promotedAt, long version) {
}
