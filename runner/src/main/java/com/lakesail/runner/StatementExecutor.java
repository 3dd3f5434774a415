package com.lakesail.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.client.CloseableIterator;
import org.apache.spark.sql.connect.client.SparkResult;
import org.apache.spark.sql.types.StructField;

/**
 * Runs a session's statements in its one Spark Connect session, one at a time and in the order they
 * came (so a temporary view or a {@code SET} made by one is there for the next), and reports each:
 * {@code statement_started} once it has run a little while (a quick statement goes straight to its
 * end), its rows in {@code result_chunk}s of about {@code chunkBytes} of JSON, then
 * {@code statement_succeeded | statement_failed | statement_cancelled}. A result that fits one
 * chunk rides inside {@code statement_succeeded}, so a quick query costs one report.
 *
 * <p>Each statement's operations carry the tag {@code lakesail-<statementId>}, so a cancel
 * interrupts exactly them in the engine ({@code interruptTag}); a statement still queued is dropped.
 */
final class StatementExecutor implements AutoCloseable {
    private static final long STARTED_AFTER_MILLIS = 100;
    private static final String TAG_PREFIX = "lakesail-";

    private final SparkSession spark;
    private final Callbacks callbacks;
    private final ObjectMapper mapper;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("lakesail-statements"));
    private final ScheduledExecutorService timers;
    private final Map<String, Statement> known = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** One statement as the control plane sent it. */
    record Statement(String id, String sql, Map<String, Object> parameters, long maxResultBytes, int chunkBytes,
                     java.util.concurrent.atomic.AtomicBoolean cancelled) {
    }

    StatementExecutor(SparkSession spark, Callbacks callbacks, ObjectMapper mapper, ScheduledExecutorService timers) {
        this.spark = spark;
        this.callbacks = callbacks;
        this.mapper = mapper;
        this.timers = timers;
    }

    /** Statements queued or running: while there are any, the server heartbeats. */
    boolean busy() {
        return inFlight.get() > 0;
    }

    /** Queues a statement behind the others; one it already has is not queued twice. */
    void submit(Statement statement) {
        if (known.putIfAbsent(statement.id(), statement) != null) {
            return;
        }
        inFlight.incrementAndGet();
        worker.execute(() -> {
            try {
                run(statement);
            } finally {
                known.remove(statement.id());
                inFlight.decrementAndGet();
            }
        });
    }

    /** Cancels a queued statement before it runs, or interrupts a running one in the engine. */
    void cancel(String statementId) {
        Statement statement = known.get(statementId);
        if (statement != null && !statement.cancelled().getAndSet(true)) {
            spark.interruptTag(TAG_PREFIX + statementId);
        }
    }

    private void run(Statement s) {
        if (s.cancelled().get()) {
            callbacks.deliver(event("statement_cancelled", s.id()));
            return;
        }
        ScheduledFuture<?> started = timers.schedule(() -> callbacks.send(event("statement_started", s.id())),
                STARTED_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        spark.addTag(TAG_PREFIX + s.id());
        try {
            Dataset<Row> df = s.parameters().isEmpty() ? spark.sql(s.sql()) : spark.sql(s.sql(), s.parameters());
            ObjectNode end = collect(s, (org.apache.spark.sql.connect.Dataset<Row>) df);
            started.cancel(false);
            callbacks.deliver(s.cancelled().get() ? event("statement_cancelled", s.id()) : end);
        } catch (Exception e) {
            // Spark's AnalysisException is a checked exception Scala code throws undeclared.
            started.cancel(false);
            callbacks.deliver(s.cancelled().get() ? event("statement_cancelled", s.id())
                    : event("statement_failed", s.id()).put("errorClass", Outcome.errorClass(e)).put("message", Outcome.message(e)));
        } finally {
            spark.removeTag(TAG_PREFIX + s.id());
        }
    }

    /**
     * Streams the rows into chunks, stopping past {@code maxResultBytes} (the result is then
     * truncated); returns the {@code statement_succeeded} event.
     */
    private ObjectNode collect(Statement s, org.apache.spark.sql.connect.Dataset<Row> df) throws Exception {
        ObjectNode end = event("statement_succeeded", s.id());
        long rows = 0;
        long bytes = 0;
        int chunks = 0;
        boolean truncated = false;
        ArrayNode buffer = mapper.createArrayNode();
        long bufferBytes = 0;
        long bufferFirst = 0;
        try (SparkResult<Row> result = df.collectResult()) {
            ArrayNode columns = end.putArray("columns");
            for (StructField f : result.schema().fields()) {
                columns.addObject().put("name", f.name()).put("type", f.dataType().simpleString());
            }
            try (CloseableIterator<Row> it = result.destructiveIterator()) {
                while (it.hasNext() && !s.cancelled().get()) {
                    Row row = it.next();
                    ArrayNode cells = mapper.createArrayNode();
                    for (int c = 0; c < row.length(); c++) {
                        cells.add(Cells.json(row.get(c)));
                    }
                    long size = size(cells) + 1;
                    if (bytes + size > s.maxResultBytes()) {
                        truncated = true;
                        break;
                    }
                    if (bufferBytes + size > s.chunkBytes() && !buffer.isEmpty()) {
                        chunk(s, ++chunks, bufferFirst, buffer);
                        buffer = mapper.createArrayNode();
                        bufferBytes = 0;
                        bufferFirst = rows;
                    }
                    buffer.add(cells);
                    bufferBytes += size;
                    bytes += size;
                    rows++;
                }
            }
        }
        if (!buffer.isEmpty()) {
            if (chunks == 0) {
                end.set("rows", buffer);
                chunks = 1;
            } else {
                chunk(s, ++chunks, bufferFirst, buffer);
            }
        }
        return end.put("rowCount", rows).put("chunks", chunks).put("bytes", bytes).put("truncated", truncated);
    }

    private void chunk(Statement s, int sequence, long firstRow, ArrayNode rows) {
        ObjectNode chunk = event("result_chunk", s.id()).put("sequence", sequence).put("firstRow", firstRow);
        chunk.set("rows", rows);
        callbacks.deliver(chunk);
    }

    private long size(JsonNode cells) {
        try {
            return mapper.writeValueAsString(cells).getBytes(StandardCharsets.UTF_8).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode event(String type, String statementId) {
        return callbacks.event(type).put("statementId", statementId);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
