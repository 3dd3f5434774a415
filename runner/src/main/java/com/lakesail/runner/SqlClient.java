package com.lakesail.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * A plain Spark Connect client ({@code LAKESAIL_RUNNER_MODE=sql}), as any user's program would be:
 * connects to {@code SPARK_REMOTE} (a session's connection string with its token, say), runs the
 * statements of {@code LAKESAIL_SQL} (a JSON array) in order, each {@code LAKESAIL_SQL_REPEAT} times
 * (1 by default), and prints one JSON line per statement: its columns, its rows (at most 1000) and
 * the nanoseconds of each run. A statement that fails prints {@code {"error": {errorClass, message}}}
 * and the client exits 1. Tests, samples and benchmarks of the control plane run it in a child
 * process, so Spark never joins their classpath.
 */
final class SqlClient {
    private static final int MAX_PRINTED_ROWS = 1000;

    private final Map<String, String> env;
    private final PrintStream out;
    private final ObjectMapper mapper;

    SqlClient(Map<String, String> env, PrintStream out, ObjectMapper mapper) {
        this.env = env;
        this.out = out;
        this.mapper = mapper;
    }

    int run() {
        List<String> statements;
        int repeat;
        try {
            statements = List.of(mapper.readValue(env.getOrDefault("LAKESAIL_SQL", "[]"), String[].class));
            repeat = Math.max(1, Integer.parseInt(env.getOrDefault("LAKESAIL_SQL_REPEAT", "1").trim()));
        } catch (IOException | NumberFormatException e) {
            out.println(error("INVALID_INPUT", "LAKESAIL_SQL must be a JSON array of statements and LAKESAIL_SQL_REPEAT an integer"));
            return 1;
        }
        SparkSession spark;
        try {
            spark = SparkSession.builder().remote(env.get("SPARK_REMOTE")).getOrCreate();
        } catch (Exception e) {
            out.println(error(Outcome.errorClass(e), Outcome.message(e)));
            return 1;
        }
        for (int i = 0; i < statements.size(); i++) {
            ObjectNode line = mapper.createObjectNode().put("statement", i);
            ArrayNode nanos = line.putArray("nanos");
            try {
                List<Row> rows = null;
                org.apache.spark.sql.types.StructType schema = null;
                for (int r = 0; r < repeat; r++) {
                    long started = System.nanoTime();
                    org.apache.spark.sql.Dataset<Row> df = spark.sql(statements.get(i));
                    rows = df.collectAsList();
                    nanos.add(System.nanoTime() - started);
                    schema = df.schema();
                }
                ArrayNode columns = line.putArray("columns");
                for (StructField f : schema.fields()) {
                    columns.addObject().put("name", f.name()).put("type", f.dataType().simpleString());
                }
                ArrayNode printed = line.putArray("rows");
                for (Row row : rows.subList(0, Math.min(rows.size(), MAX_PRINTED_ROWS))) {
                    ArrayNode cells = printed.addArray();
                    for (int c = 0; c < row.length(); c++) {
                        cells.add(Cells.json(row.get(c)));
                    }
                }
            } catch (Exception e) {
                out.println(error(Outcome.errorClass(e), Outcome.message(e)));
                return 1;
            }
            out.println(line);
        }
        out.flush();
        return 0;
    }

    private String error(String errorClass, String message) {
        ObjectNode line = mapper.createObjectNode();
        line.putObject("error").put("errorClass", errorClass).put("message", message);
        return line.toString();
    }
}
