package com.lakesail.backend.port;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A statement for a session server: the SQL, its named parameters (Strings, Longs, Doubles,
 * Booleans; dates and timestamps as ISO strings) and how its result is shipped back.
 *
 * @param maxResultBytes rows past this much JSON are dropped and the result marked truncated
 * @param chunkBytes     rows are reported in chunks of about this much JSON
 */
public record StatementSpec(String statementId, String sql, Map<String, Object> parameters, long maxResultBytes,
                            int chunkBytes) {
    public StatementSpec {
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(sql, "sql");
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }
}
