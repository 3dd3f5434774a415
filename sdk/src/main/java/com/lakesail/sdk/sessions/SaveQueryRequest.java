package com.lakesail.sdk.sessions;

import com.lakesail.sdk.jobs.JobParameter;
import com.lakesail.sdk.jobs.ParameterType;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a query, or (with {@link #queryId} and {@link #version}) changes one: a change sends
 * the fields set here and leaves the others as they are.
 *
 * <pre>{@code
 * SavedQuery q = lakesail.queries().create(r -> r.name("sales-by-region").teamId(team.id())
 *     .sql("SELECT region, sum(amount) AS total FROM lake.sales.orders WHERE day >= :day GROUP BY region")
 *     .parameter("day", ParameterType.DATE, "2026-01-01"));
 * lakesail.queries().update(q.id(), q.version(), r -> r.description("totals per region"));
 * }</pre>
 *
 * @param parameters null to leave them as they are (on an update)
 * @param idempotencyKey the {@code Idempotency-Key} of a create; null to let the SDK pick one per call
 */
public record SaveQueryRequest(String queryId, Long version, String name, String description, String teamId, String sql,
        List<JobParameter> parameters, String idempotencyKey) {

    public SaveQueryRequest {
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SaveQueryRequest}. */
    public static final class Builder {
        private String queryId;
        private Long version;
        private String name;
        private String description;
        private String teamId;
        private String sql;
        private List<JobParameter> parameters;
        private String idempotencyKey;

        Builder() {
        }

        /** The query to change, with the version it was read at. */
        public Builder update(String queryId, long version) {
            this.queryId = queryId;
            this.version = version;
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

        public Builder parameters(List<JobParameter> parameters) {
            this.parameters = parameters == null ? null : new ArrayList<>(parameters);
            return this;
        }

        /** Declares a parameter; {@code defaultValue} null makes it required. */
        public Builder parameter(String name, ParameterType type, Object defaultValue) {
            if (parameters == null) {
                parameters = new ArrayList<>();
            }
            parameters.add(JobParameter.of(name, type, defaultValue));
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public SaveQueryRequest build() {
            return new SaveQueryRequest(queryId, version, name, description, teamId, sql, parameters, idempotencyKey);
        }
    }
}
