package com.lakesail.sdk.sessions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A statement to run in a session: SQL, or a saved query by id, with values for its named
 * parameters ({@code :day}).
 *
 * <pre>{@code
 * StatementHandle s = lakesail.sessions().execute(sessionId, r -> r.sql("SELECT * FROM t WHERE day = :day")
 *     .parameter("day", "2026-12-01"));
 * }</pre>
 *
 * @param sql the SQL; null when {@code queryId} is given
 * @param queryId a saved query to run; null when {@code sql} is given
 * @param parameters String, Number or Boolean values by parameter name
 * @param waitSeconds how long the service may hold the request for the statement's end (0 to 20);
 *                    null for its default (10). A statement that ends sooner is one round trip.
 * @param limit the rows of the first result page; null for the service's default
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record StatementRequest(String sql, String queryId, Map<String, Object> parameters, Integer waitSeconds,
        Integer limit, String idempotencyKey) {

    public StatementRequest {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StatementRequest}. */
    public static final class Builder {
        private String sql;
        private String queryId;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private Integer waitSeconds;
        private Integer limit;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder sql(String sql) {
            this.sql = sql;
            return this;
        }

        public Builder queryId(String queryId) {
            this.queryId = queryId;
            return this;
        }

        public Builder parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        public Builder parameters(Map<String, ?> parameters) {
            this.parameters.putAll(parameters);
            return this;
        }

        public Builder waitSeconds(Integer waitSeconds) {
            this.waitSeconds = waitSeconds;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public StatementRequest build() {
            return new StatementRequest(sql, queryId, parameters, waitSeconds, limit, idempotencyKey);
        }
    }
}
