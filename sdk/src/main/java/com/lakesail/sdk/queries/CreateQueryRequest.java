package com.lakesail.sdk.queries;

import com.lakesail.sdk.jobs.JobParameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a query.
 *
 * <pre>{@code
 * SavedQuery q = lakesail.queries().create(r -> r.name("sales-by-region").teamId(team.id())
 *     .sql("SELECT region, sum(amount) AS total FROM lake.sales WHERE day = :day GROUP BY region")
 *     .parameter(JobParameter.required("day", ParameterType.DATE)));
 * }</pre>
 *
 * @param teamId the owning team; null for a query only organization-wide bindings cover
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateQueryRequest(String name, String description, String teamId, String sql,
        List<JobParameter> parameters, String idempotencyKey) {

    public CreateQueryRequest {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreateQueryRequest}. */
    public static final class Builder {
        private String name;
        private String description;
        private String teamId;
        private String sql;
        private final List<JobParameter> parameters = new ArrayList<>();
        private String idempotencyKey;

        private Builder() {
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

        /** Declares a parameter; call once per parameter. */
        public Builder parameter(JobParameter parameter) {
            parameters.add(parameter);
            return this;
        }

        public Builder parameters(List<JobParameter> parameters) {
            this.parameters.clear();
            this.parameters.addAll(parameters);
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateQueryRequest build() {
            return new CreateQueryRequest(name, description, teamId, sql, parameters, idempotencyKey);
        }
    }
}
