package com.lakesail.backend.domain.job;

import java.util.List;

/**
 * The schema and first rows of a SQL run's last query, as the runner reported them. Cell values are
 * JSON values (numbers, strings, booleans, null; decimals, dates and timestamps as strings; arrays,
 * maps and structs as JSON).
 *
 * @param truncated true when the query returned more rows than the preview holds
 */
public record ResultPreview(List<Column> columns, List<List<Object>> rows, boolean truncated) {

    public ResultPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A column: its name and Spark SQL type ({@code bigint}, {@code string}, {@code decimal(10,2)}...). */
    public record Column(String name, String type) {
    }
}
