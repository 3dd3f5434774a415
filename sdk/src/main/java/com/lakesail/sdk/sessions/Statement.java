package com.lakesail.sdk.sessions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.lakesail.sdk.jobs.ResultPreview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement run in a session, as one read shows it: its status, the engine's error when it
 * failed, and once it succeeded the result's schema and one page of rows.
 *
 * @param id {@code stm_...}
 * @param queryId the saved query it ran, or null for plain SQL
 * @param queryVersion the version of that query it ran
 * @param error the engine's error class and message when it failed; else null
 * @param result the schema, size and one page of rows once it succeeded; else null
 */
public record Statement(String id, String sessionId, String sql, String queryId, Long queryVersion,
        Map<String, Object> parameters, StatementStatus status, String statusReason, Error error,
        boolean cancelRequested, Result result, String createdBy, Instant createdAt, Instant startedAt,
        Instant endedAt, Instant updatedAt, long version) {

    public Statement {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The engine's error: its class (e.g. {@code TABLE_OR_VIEW_NOT_FOUND}) and message. */
    public record Error(String errorClass, String message) {
    }

    /**
     * A result: its columns, size, and the page of rows this read returned.
     *
     * @param rowCount the rows stored (all of them unless {@code truncated})
     * @param truncated the query returned more rows than the service stores
     * @param firstRow the position of this page's first row (0-based)
     * @param cells this page's rows as JSON values (see {@link #rows()})
     * @param nextToken the next page's token; null on the last page
     */
    public record Result(List<ResultPreview.Column> columns, long rowCount, boolean truncated, long firstRow,
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

        /** This page's rows, typed by column name or position. */
        public List<com.lakesail.sdk.jobs.Row> rows() {
            return new ResultPreview(columns, cells, truncated).rows();
        }
    }
}
