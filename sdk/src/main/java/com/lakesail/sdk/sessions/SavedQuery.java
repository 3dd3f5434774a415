package com.lakesail.sdk.sessions;

import com.lakesail.sdk.jobs.JobParameter;
import java.time.Instant;
import java.util.List;

/**
 * Saved SQL of a team, run in a session ({@link StatementRequest#queryId(String)}) or as a job's
 * SQL entrypoint. Its parameters are Spark named parameters ({@code :day}).
 *
 * @param id {@code qry_...}
 * @param teamId the owning team; null for a query only organization-wide bindings cover
 * @param version bumped by every update; an update names the version it read
 */
public record SavedQuery(String id, String name, String description, String teamId, String sql,
        List<JobParameter> parameters, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public SavedQuery {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
