package com.lakesail.backend.domain.session;

import com.lakesail.backend.domain.job.ResultPreview;
import java.util.List;

/**
 * What a succeeded statement returned: its schema and how its rows are stored. Rows live beside the
 * statement in numbered chunk items (1..{@code chunks}), in order, never in one oversized item.
 *
 * @param rowCount  the rows stored
 * @param bytes     their size as stored JSON
 * @param truncated true when the engine returned more than the stored limit; the rest was dropped
 */
public record ResultSummary(List<ResultPreview.Column> columns, long rowCount, int chunks, long bytes, boolean truncated) {
    public ResultSummary {
        columns = List.copyOf(columns);
    }
}
