package com.lakesail.backend.domain.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The type of a job parameter, named as Spark SQL names it. Values travel as JSON: strings,
 * integers, numbers and booleans; dates ({@code 2026-12-01}) and timestamps (ISO-8601 with a zone,
 * {@code 2026-12-01T10:00:00Z}) as strings.
 */
public enum ParameterType {
    STRING, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP;

    /**
     * The value in its canonical Java form ({@code Long} for bigint, {@code Double} for double), or
     * null when {@code value} is not of this type.
     */
    public Object coerce(Object value) {
        return switch (this) {
            case STRING -> value instanceof String ? value : null;
            case BIGINT -> value instanceof Long || value instanceof Integer ? ((Number) value).longValue() : null;
            case DOUBLE -> value instanceof Number n ? n.doubleValue() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case DATE -> value instanceof String s && parses(() -> LocalDate.parse(s)) ? value : null;
            case TIMESTAMP -> value instanceof String s && parses(() -> Instant.parse(s)) ? value : null;
        };
    }

    /** What a value of this type looks like, for error messages. */
    public String expected() {
        return switch (this) {
            case STRING -> "a string";
            case BIGINT -> "an integer";
            case DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date string such as 2026-12-01";
            case TIMESTAMP -> "a timestamp string such as 2026-12-01T10:00:00Z";
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
