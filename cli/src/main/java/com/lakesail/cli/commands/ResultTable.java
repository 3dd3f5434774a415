package com.lakesail.cli.commands;

import com.lakesail.sdk.jobs.ResultPreview;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Result rows as aligned columns under their names; SQL NULL shows as {@code NULL}. */
final class ResultTable {

    private ResultTable() {
    }

    static void print(PrintStream out, List<ResultPreview.Column> columns, Iterable<List<Object>> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(ResultPreview.Column::name).toArray(String[]::new));
        for (List<Object> row : rows) {
            lines.add(row.stream().map(v -> v == null ? "NULL" : v.toString()).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length && i < widths.length; i++) {
                text.append(line[i]).append(" ".repeat(widths[i] - line[i].length() + 2));
            }
            out.println(text.toString().stripTrailing());
        }
    }
}
