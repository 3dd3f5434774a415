package com.lakesail.sdk.queries;

import com.lakesail.sdk.jobs.JobParameter;
import java.util.List;

/**
 * Changes a query if it is still at {@code version}; null fields keep their values, and
 * {@code parameters}, when given, replace the declared ones. Moving a query to another team needs
 * {@code queries:create} there.
 *
 * <pre>{@code
 * lakesail.queries().update(r -> r.queryId(q.id()).sql("SELECT 2").version(q.version()));
 * }</pre>
 */
public record UpdateQueryRequest(String queryId, String name, String description, String teamId, String sql,
        List<JobParameter> parameters, Long version) {

    public UpdateQueryRequest {
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateQueryRequest}. */
    public static final class Builder {
        private String queryId;
        private String name;
        private String description;
        private String teamId;
        private String sql;
        private List<JobParameter> parameters;
        private Long version;

        private Builder() {
        }

        public Builder queryId(String queryId) {
            this.queryId = queryId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return this;
        }

        public Builder sql(String sql) {
            this.sql = sql;
            return this;
        }

        /** The complete new list of declared parameters (an empty list declares none). */
        public Builder parameters(List<JobParameter> parameters) {
            this.parameters = parameters;
            return this;
        }

        /** The query's {@code version} as you read it. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public UpdateQueryRequest build() {
            return new UpdateQueryRequest(queryId, name, description, teamId, sql, parameters, version);
        }
    }
}
