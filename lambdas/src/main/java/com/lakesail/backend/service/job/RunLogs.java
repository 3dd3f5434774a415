package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.store.JobItems.LogChunk;
import com.lakesail.backend.store.JobKeys;
import com.lakesail.backend.store.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * A run's logs: the lines its runner and Sail wrote, stored as numbered chunks beside the run (each
 * well under DynamoDB's 400 KB item limit, expiring after the retention), read by a cursor that is
 * the next chunk's number. A reader follows a running run by asking again with the cursor it got;
 * once the run has ended and everything is read, there is no cursor.
 */
public final class RunLogs {
    /** Text per chunk: big batches are split. */
    static final int MAX_CHUNK_BYTES = 96 * 1024;
    static final int MAX_CHUNK_LINES = 1000;
    /** A line longer than this is cut: one runaway line must not fill a chunk. */
    static final int MAX_LINE_CHARS = 16 * 1024;
    /** Chunks one page reads at most (one get each). */
    static final int MAX_CHUNKS_PER_PAGE = 20;
    private static final String CURSOR_PREFIX = "c1.";
    private static final int APPEND_ATTEMPTS = 8;

    private final Store store;
    private final Clock clock;
    private final JobRunLimits limits;

    @Inject
    public RunLogs(Store store, Clock clock, JobRunLimits limits) {
        this.store = store;
        this.clock = clock;
        this.limits = limits;
    }

    /** One line as a reader sees it. */
    public record Line(String stream, Instant at, String text) {
    }

    /**
     * A page of lines and the cursor to read on from: absent once the run has ended and every line
     * was read; present (maybe with no lines) while more may come.
     */
    public record LogsPage(List<Line> items, String nextToken) {
    }

    /** Appends lines of one stream, as they arrived now. */
    public void append(String orgId, String runId, String stream, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        long expiresAt = at.plus(limits.logRetention()).getEpochSecond();
        long next = last(orgId, runId) + 1;
        for (List<String> chunk : split(lines)) {
            for (int attempt = 1; ; attempt++) {
                try {
                    store.put(JobItems.logChunk(orgId, runId, next, new LogChunk(stream, at, chunk), expiresAt),
                            Condition.notExists());
                    next++;
                    break;
                } catch (ConditionFailedException e) {
                    // Another writer took the number: go on after the newest chunk.
                    if (attempt >= APPEND_ATTEMPTS) {
                        throw e;
                    }
                    next = last(orgId, runId) + 1;
                }
            }
        }
    }

    /**
     * Lines from {@code cursor} (null: the beginning), at most about {@code limit} (whole chunks).
     *
     * @param ended whether the run has ended, so no line can come after the last one stored
     */
    public LogsPage read(String orgId, String runId, String cursor, int limit, boolean ended) {
        long sequence = cursor == null ? 1 : decode(cursor);
        List<Line> lines = new ArrayList<>();
        for (int chunks = 0; chunks < MAX_CHUNKS_PER_PAGE && lines.size() < limit; chunks++) {
            Optional<Item> item = store.get(JobKeys.logChunk(orgId, runId, sequence));
            if (item.isEmpty()) {
                return new LogsPage(lines, ended ? null : encode(sequence));
            }
            LogChunk chunk = JobItems.logChunk(item.get());
            chunk.lines().forEach(text -> lines.add(new Line(chunk.stream(), chunk.at(), text)));
            sequence++;
        }
        return new LogsPage(lines, encode(sequence));
    }

    private long last(String orgId, String runId) {
        List<Item> newest = store.query(Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId),
                JobKeys.logPrefix(runId), 1, null).descending(true)).items();
        if (newest.isEmpty()) {
            return 0;
        }
        String sk = newest.get(0).sk();
        return Long.parseLong(sk.substring(sk.lastIndexOf('#') + 1));
    }

    private static List<List<String>> split(List<String> lines) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String raw : lines) {
            String line = raw == null ? "" : raw.length() > MAX_LINE_CHARS ? raw.substring(0, MAX_LINE_CHARS) + "…" : raw;
            int size = line.getBytes(StandardCharsets.UTF_8).length + 8;
            if (!current.isEmpty() && (bytes + size > MAX_CHUNK_BYTES || current.size() >= MAX_CHUNK_LINES)) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(line);
            bytes += size;
        }
        chunks.add(current);
        return chunks;
    }

    private static String encode(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                long sequence = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (sequence >= 1) {
                    return sequence;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw ValidationException.of("nextToken", "is not a token this log issued");
    }
}
