package com.lakesail.sdk.jobs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One row of a {@link ResultPreview} or of a session statement's result, read by column name or
 * position. Values arrive as JSON: numbers, strings, booleans and nulls, with decimals, dates and
 * timestamps as strings, which the typed getters convert. A getter on a SQL NULL returns null.
 */
public final class Row {
    private final List<ResultPreview.Column> columns;
    private final List<Object> values;

    Row(List<ResultPreview.Column> columns, List<Object> values) {
        this.columns = columns;
        this.values = values;
    }

    /** A row of {@code values} under {@code columns}, as a session's statement result pages carry them. */
    public static Row of(List<ResultPreview.Column> columns, List<Object> values) {
        return new Row(List.copyOf(columns), values);
    }

    public int size() {
        return values.size();
    }

    /** The JSON value: a String, Number, Boolean, List, Map, or null. */
    public Object get(int index) {
        return values.get(index);
    }

    public Object get(String column) {
        return get(index(column));
    }

    public boolean isNull(String column) {
        return get(column) == null;
    }

    public String getString(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    public Long getLong(String column) {
        return number(column) == null ? null : number(column).longValue();
    }

    public Integer getInt(String column) {
        return number(column) == null ? null : Math.toIntExact(number(column).longValue());
    }

    public Double getDouble(String column) {
        return number(column) == null ? null : number(column).doubleValue();
    }

    public Boolean getBoolean(String column) {
        Object v = get(column);
        return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
    }

    /** A decimal, which arrives as a string so no digit is lost. */
    public BigDecimal getDecimal(String column) {
        Object v = get(column);
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    /** A date, {@code 2026-12-01}. */
    public LocalDate getDate(String column) {
        Object v = get(column);
        return v == null ? null : LocalDate.parse(v.toString());
    }

    /** A timestamp: ISO-8601 with an offset, or without one read as UTC. */
    public Instant getTimestamp(String column) {
        Object v = get(column);
        if (v == null) {
            return null;
        }
        String text = v.toString();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    /** The values in column order. */
    public List<Object> values() {
        return values;
    }

    private Number number(String column) {
        Object v = get(column);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? n : new BigDecimal(v.toString());
    }

    private int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.columns.equals(columns) && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
