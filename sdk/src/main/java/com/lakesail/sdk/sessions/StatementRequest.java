package com.lakesail.sdk.sessions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A statement to run: SQL, or a saved query; parameters bind as Spark named parameters
 * ({@code :day}), never by string concatenation.
 *
 * <pre>{@code
 * session.sql(StatementRequest.sql("SELECT * FROM lake.sales.orders WHERE day = :day").parameter("day", "2026-12-01"));
 * session.submit(StatementRequest.query(savedQuery.id()).parameter("n", 5).pageSize(1000));
 * }</pre>
 *
 * @param pageSize rows per result page, 1 to 10,000; null for the service's default
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record StatementRequest(String sql, String queryId, Map<String, Object> parameters, Integer pageSize,
        String idempotencyKey) {

    public StatementRequest {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static StatementRequest sql(String sql) {
        return new StatementRequest(Objects.requireNonNull(sql, "sql"), null, null, null, null);
    }

    public static StatementRequest query(String queryId) {
        return new StatementRequest(null, Objects.requireNonNull(queryId, "queryId"), null, null, null);
    }

    /** This request with the parameter {@code name} bound to {@code value} (a String, Number or Boolean). */
    public StatementRequest parameter(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new StatementRequest(sql, queryId, more, pageSize, idempotencyKey);
    }

    public StatementRequest parameters(Map<String, ?> values) {
        return new StatementRequest(sql, queryId, new LinkedHashMap<>(values), pageSize, idempotencyKey);
    }

    public StatementRequest pageSize(Integer rows) {
        return new StatementRequest(sql, queryId, parameters, rows, idempotencyKey);
    }

    public StatementRequest idempotencyKey(String key) {
        return new StatementRequest(sql, queryId, parameters, pageSize, key);
    }
}
