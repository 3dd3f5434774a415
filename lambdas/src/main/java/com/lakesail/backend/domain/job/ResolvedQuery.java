package com.lakesail.backend.domain.job;

import java.util.List;

/**
 * The saved query a run's entrypoint named, as it was when the run started: the run records the
 * query's version, SQL and declared parameters, so it says what it ran, and runs it, however the
 * query changes afterwards.
 */
public record ResolvedQuery(String queryId, long version, String sql, List<JobParameter> parameters) {
    public ResolvedQuery {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
