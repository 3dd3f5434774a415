package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.job.ResultPreview;
import java.util.List;

/**
 * One report of a session server, parsed ({@code POST .../callbacks/sessions/{id}/events}).
 *
 * <pre>
 * {"type": "session_ready", "endpoint": "sc://localhost:41234"}
 * {"type": "session_ready", "endpoint": "sc://gate.example:15002", "certificate": "-----BEGIN CERTIFICATE-----..."}
 * {"type": "session_failed", "message": "..."}
 * {"type": "heartbeat"}
 * {"type": "statement_started", "statementId": "stm_..."}
 * {"type": "result_chunk", "statementId": "stm_...", "sequence": 1, "firstRow": 0, "rows": [[...], ...]}
 * {"type": "statement_succeeded", "statementId": "stm_...", "columns": [{"name", "type"}], "rowCount": 1,
 *  "chunks": 1, "bytes": 12, "truncated": false, "rows": [[1]]}        (rows: the only chunk, inline)
 * {"type": "statement_failed", "statementId": "stm_...", "errorClass": "TABLE_OR_VIEW_NOT_FOUND", "message": "..."}
 * {"type": "statement_cancelled", "statementId": "stm_..."}
 * </pre>
 */
public record SessionEvent(Type type, String endpoint, String message, String statementId, Integer sequence,
                           Long firstRow, List<List<Object>> rows, List<ResultPreview.Column> columns, Long rowCount,
                           Integer chunks, Long bytes, boolean truncated, String errorClass, String certificate) {

    /** Any event but a {@code session_ready} with a certificate. */
    public SessionEvent(Type type, String endpoint, String message, String statementId, Integer sequence, Long firstRow,
                        List<List<Object>> rows, List<ResultPreview.Column> columns, Long rowCount, Integer chunks, Long bytes,
                        boolean truncated, String errorClass) {
        this(type, endpoint, message, statementId, sequence, firstRow, rows, columns, rowCount, chunks, bytes, truncated,
                errorClass, null);
    }

    public enum Type {
        SESSION_READY, SESSION_FAILED, HEARTBEAT, STATEMENT_STARTED, RESULT_CHUNK, STATEMENT_SUCCEEDED, STATEMENT_FAILED,
        STATEMENT_CANCELLED
    }
}
