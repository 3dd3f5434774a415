package com.lakesail.sdk.queries;

import com.lakesail.sdk.jobs.JobParameter;
import java.time.Instant;
import java.util.List;

/**
 * Saved SQL: one statement with the parameters it declares (Spark named parameters, {@code :day}).
 * It runs in a session ({@code session.query(queryId, parameters)}) or as a job's SQL entrypoint.
 *
 * @param id the query id, {@code qry_...}
 * @param teamId the owning team; null for a query only organization-wide bindings cover
 * @param parameters the declared parameters; statements may pass only these
 * @param version the optimistic-locking counter, bumped by every update; a job run records the
 *                version whose SQL it ran
 */
public record SavedQuery(String id, String name, String description, String teamId, String sql,
        List<JobParameter> parameters, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public SavedQuery {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
