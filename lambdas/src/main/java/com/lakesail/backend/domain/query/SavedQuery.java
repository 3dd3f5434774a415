package com.lakesail.backend.domain.query;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.job.JobParameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Saved SQL (DESIGN §9): a name, an optional owning team, one SQL statement and the parameters it
 * declares. It runs in a session ({@code POST .../statements {queryId}}) or as a job's entrypoint
 * ({@code {"type": "sql", "queryId": ...}}); either way its parameters bind as Spark named parameters
 * ({@code :day}), declared ones only, of their type.
 *
 * <p>Every PATCH bumps {@link #version}, the optimistic-locking counter, which a job run records
 * with the SQL it resolved, so a run always says which text of the query it ran.
 *
 * @param teamId the owning team: role bindings scoped to it cover the query; null for a query only
 *               organization-wide bindings cover
 */
public record SavedQuery(String id, String organizationId, String name, String description, String teamId, String sql,
                         List<JobParameter> parameters, String createdBy, Instant createdAt, Instant updatedAt,
                         long version) {
    public static final String ID_PREFIX = "qry";
    public static final int MAX_DESCRIPTION = 1000;
    /** One statement; a request body holds at most 64 KiB anyway. */
    public static final int MAX_SQL = 60_000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t\\r]]");

    public SavedQuery {
        parameters = List.copyOf(parameters);
    }

    public static SavedQuery create(String id, String organizationId, Fields fields, String createdBy, Instant at) {
        return new SavedQuery(id, organizationId, fields.name(), fields.description(), fields.teamId(), fields.sql(),
                fields.parameters(), createdBy, at, at, 1);
    }

    /** A PATCH: each null field keeps the current value. */
    public SavedQuery update(Fields changes, Instant at) {
        return new SavedQuery(id, organizationId, or(changes.name(), name), or(changes.description(), description),
                or(changes.teamId(), teamId), or(changes.sql(), sql),
                changes.parameters() == null ? parameters : changes.parameters(), createdBy, createdAt, at, version + 1);
    }

    /** The query's fields as validated; in a PATCH a null field is one left unchanged. */
    public record Fields(String name, String description, String teamId, String sql, List<JobParameter> parameters) {
    }

    /** Raw fields as a request carried them. */
    public record Input(String name, String description, String teamId, String sql, List<JobParameter.Input> parameters) {
    }

    /**
     * The fields {@code in} describes, errors recorded in {@code v}.
     *
     * @param patch true for a PATCH, where every field may be left out
     */
    public static Fields validate(Validator v, Input in, boolean patch) {
        if (patch) {
            v.optionalName("name", in.name());
        } else {
            v.name("name", in.name());
        }
        v.require(in.description() == null || in.description().length() <= MAX_DESCRIPTION, "description",
                "must be at most " + MAX_DESCRIPTION + " characters");
        v.require(in.description() == null || !CONTROL.matcher(in.description()).find(), "description",
                "must not contain control characters other than newlines and tabs");
        if (!patch || in.sql() != null) {
            sql(v, "sql", in.sql());
        }
        List<JobParameter> parameters = in.parameters() == null ? null
                : JobParameter.validateAll(v, "parameters", in.parameters());
        return new Fields(in.name(), in.description(), in.teamId(), in.sql(), patch ? parameters
                : parameters == null ? List.of() : parameters);
    }

    /** One SQL statement: not blank, at most {@link #MAX_SQL} characters, no control characters but line breaks and tabs. */
    public static void sql(Validator v, String field, String sql) {
        if (sql == null || sql.isBlank()) {
            v.require(false, field, "is required: one SQL statement");
            return;
        }
        v.require(sql.length() <= MAX_SQL, field, "must be at most " + MAX_SQL + " characters");
        v.require(!CONTROL.matcher(sql).find(), field, "must not contain control characters other than line breaks and tabs");
    }

    /**
     * The values a statement or run binds: the declared defaults overridden by {@code given}.
     *
     * @throws com.lakesail.backend.domain.ValidationException naming {@code parameters.<name>}
     */
    public Map<String, Object> resolveParameters(Map<String, Object> given) {
        return JobParameter.resolve(parameters, given, "saved query " + id);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
