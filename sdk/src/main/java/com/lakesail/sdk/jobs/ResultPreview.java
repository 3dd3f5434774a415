package com.lakesail.sdk.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The schema and first rows of a SQL run's last query (at most the service's preview size).
 *
 * <pre>{@code
 * ResultPreview result = run.result();
 * for (ResultPreview.Row row : result.rows()) {
 *     System.out.println(row.getString("region") + " " + row.getLong("n"));
 * }
 * }</pre>
 *
 * @param columns the columns, in order, with their Spark SQL types ({@code bigint}, {@code decimal(10,2)}...)
 * @param cells the rows as JSON values, one list per row (see {@link #rows()} for typed access)
 * @param truncated true when the query returned more rows than the preview holds
 */
public record ResultPreview(List<Column> columns, @JsonProperty("rows") List<List<Object>> cells, boolean truncated) {

    public ResultPreview {
        columns = columns == null ? List.of() : List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        if (cells != null) {
            // Cells may be null (SQL NULL), which List.copyOf refuses.
            cells.forEach(row -> copy.add(Collections.unmodifiableList(new ArrayList<>(row))));
        }
        cells = Collections.unmodifiableList(copy);
    }

    /** A column: its name and Spark SQL type. */
    public record Column(String name, String type) {
    }

    /** The rows, with typed accessors by column name or position. */
    public List<Row> rows() {
        return cells.stream().map(values -> new Row(columns, values)).toList();
    }

    /** The index of the column named {@code name}. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name + " in " + columns);
    }
}
