package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.session.ResultChunk;
import com.lakesail.backend.domain.session.ResultSummary;
import com.lakesail.backend.domain.session.Statement;
import com.lakesail.backend.store.Items;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * Pages of a statement's stored result, in row order: at most {@code limit} rows and about
 * {@link #MAX_PAGE_BYTES} of JSON each (always at least one row), read from the chunk the page token
 * names on. The token is opaque to clients: the chunk and the row within it.
 */
public final class ResultPages {
    public static final int DEFAULT_ROWS = 10_000;
    public static final int MAX_ROWS = 10_000;
    /** Well within a Lambda response (6 MB) and a quick HTTP answer. */
    public static final int MAX_PAGE_BYTES = 1024 * 1024;
    private static final Pattern TOKEN = Pattern.compile("r1:(\\d{1,9}):(\\d{1,9})");

    private final SessionRecords records;
    private final Clock clock;

    @Inject
    public ResultPages(SessionRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** One page: its rows, the index of its first row, and the token of the next (null on the last). */
    public record Page(List<List<Object>> rows, long firstRow, String nextToken) {
    }

    /**
     * @param token null for the first page
     * @throws ValidationException naming {@code nextToken} for a token this statement's pages did not issue
     * @throws NotFoundException when the rows are no longer kept
     */
    public Page read(Statement statement, String token, int limit) {
        ResultSummary result = statement.result();
        int chunk = 1;
        int offset = 0;
        if (token != null) {
            Matcher m = TOKEN.matcher(decode(token));
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > result.chunks()) {
                throw ValidationException.of("nextToken", "is not a token of this statement's result");
            }
            chunk = Integer.parseInt(m.group(1));
            offset = Integer.parseInt(m.group(2));
        }
        List<List<Object>> rows = new ArrayList<>();
        long firstRow = -1;
        long bytes = 0;
        for (; chunk <= result.chunks(); chunk++, offset = 0) {
            ResultChunk stored = chunk(statement, chunk);
            if (offset > stored.rows().size()) {
                throw ValidationException.of("nextToken", "is not a token of this statement's result");
            }
            if (firstRow < 0) {
                firstRow = stored.firstRow() + offset;
            }
            for (int i = offset; i < stored.rows().size(); i++) {
                List<Object> row = stored.rows().get(i);
                long size = Items.encode(row).getBytes(StandardCharsets.UTF_8).length + 1;
                if (!rows.isEmpty() && (rows.size() >= limit || bytes + size > MAX_PAGE_BYTES)) {
                    return new Page(rows, firstRow, encode(chunk, i));
                }
                rows.add(row);
                bytes += size;
            }
        }
        return new Page(rows, Math.max(0, firstRow), null);
    }

    private ResultChunk chunk(Statement statement, int sequence) {
        Optional<ResultChunk> chunk = records.chunk(statement.organizationId(), statement.id(), sequence, clock.instant());
        return chunk.orElseThrow(() -> new NotFoundException("the result of statement " + statement.id()
                + " is no longer kept: results are kept for a day; run the statement again"));
    }

    private static String encode(int chunk, int row) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("r1:" + chunk + ":" + row).getBytes(StandardCharsets.US_ASCII));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
