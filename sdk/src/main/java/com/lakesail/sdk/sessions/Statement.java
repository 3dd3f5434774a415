package com.lakesail.sdk.sessions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.lakesail.sdk.jobs.ResultPreview;
import com.lakesail.sdk.waiter.Lifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement as one read saw it. Read its rows through a {@link StatementHandle}; {@link #result()}
 * holds one page of them.
 *
 * @param id the statement id, {@code stm_...}
 * @param sql the SQL it ran (a saved query's text at {@code queryVersion} when it named one)
 * @param queryId the saved query it ran, or null
 * @param queryVersion the version of that query, or null
 * @param parameters the values bound to its named parameters
 * @param error the engine's error class and message when it failed; else null
 * @param result its schema and one page of rows once it succeeded; else null
 */
public record Statement(String id, String sessionId, String sql, String queryId, Long queryVersion,
        Map<String, Object> parameters, StatementStatus status, String statusReason, StatementError error,
        boolean cancelRequested, Result result, String createdBy, Instant createdAt, Instant startedAt,
        Instant endedAt, Instant updatedAt, long version) implements Lifecycle {

    public Statement {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * A succeeded statement's schema and one page of its rows.
     *
     * @param rowCount the rows the result holds (all of them unless {@code truncated})
     * @param truncated the statement returned more rows than the service keeps
     * @param firstRow the index of this page's first row
     * @param cells this page's rows as JSON values, one list per row
     * @param nextToken the token of the next page; null on the last
     */
    public record Result(List<ResultPreview.Column> columns, long rowCount, boolean truncated, Long firstRow,
            @JsonProperty("rows") List<List<Object>> cells, String nextToken) {

        public Result {
            columns = columns == null ? List.of() : List.copyOf(columns);
            List<List<Object>> copy = new ArrayList<>();
            if (cells != null) {
                // Cells may be null (SQL NULL), which List.copyOf refuses.
                cells.forEach(row -> copy.add(Collections.unmodifiableList(new ArrayList<>(row))));
            }
            cells = Collections.unmodifiableList(copy);
        }
    }

    /** The status as the stage: a statement has no finer steps. */
    @Override
    public String stage() {
        return status == null ? null : status.value();
    }

    @Override
    public int progress() {
        return status != null && status.isTerminal() ? 100 : 0;
    }

    @Override
    public boolean isTerminalSuccess() {
        return status == StatementStatus.SUCCEEDED;
    }

    @Override
    public boolean isTerminalFailure() {
        return status == StatementStatus.FAILED || status == StatementStatus.CANCELLED;
    }
}
