package com.lakesail.backend.domain.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One stored piece of a statement's result: consecutive rows, cell values as JSON values (numbers,
 * strings, booleans, null; decimals, dates and timestamps as strings; nested values as JSON).
 *
 * @param firstRow the index of its first row in the whole result (from 0)
 */
public record ResultChunk(int sequence, long firstRow, List<List<Object>> rows) {
    public ResultChunk {
        List<List<Object>> copy = new ArrayList<>(rows.size());
        // Cells may be null (SQL NULL), which List.copyOf refuses.
        rows.forEach(row -> copy.add(Collections.unmodifiableList(new ArrayList<>(row))));
        rows = Collections.unmodifiableList(copy);
    }
}
