package com.lakesail.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs SQL statements in order in one session, parameters bound as Spark named parameters. A
 * statement that returns rows (a query, or a command such as SHOW with output) is collected up to
 * the preview size plus one, so its errors surface and the last one becomes the result preview.
 */
final class SqlEntrypoint {
    private final SparkSession spark;
    private final Callbacks callbacks;

    SqlEntrypoint(SparkSession spark, Callbacks callbacks) {
        this.spark = spark;
        this.callbacks = callbacks;
    }

    /** The result preview of one statement. */
    private record Preview(StructType schema, List<Row> rows, boolean truncated) {
    }

    Outcome run(RunSpec.Sql sql, Map<String, Object> parameters, int previewRows, long connectMillis) {
        List<String> statements = sql.statements();
        long started = System.nanoTime();
        Preview last = null;
        for (int i = 0; i < statements.size(); i++) {
            int step = i + 1;
            if (step > 1) {
                callbacks.send(callbacks.event("progress").put("step", step).put("steps", statements.size())
                        .put("message", "statement " + step + " of " + statements.size()));
            }
            System.out.println("lakesail-runner: statement " + step + " of " + statements.size());
            try {
                Dataset<Row> result = parameters.isEmpty() ? spark.sql(statements.get(i)) : spark.sql(statements.get(i), parameters);
                StructType schema = result.schema();
                if (schema.fields().length > 0) {
                    List<Row> rows = result.limit(previewRows + 1).collectAsList();
                    last = new Preview(schema, rows.subList(0, Math.min(previewRows, rows.size())), rows.size() > previewRows);
                }
            } catch (Exception e) {
                // Spark's AnalysisException is a checked exception Scala code throws undeclared.
                return Outcome.failed(callbacks, Outcome.errorClass(e), Outcome.message(e), step);
            }
        }
        long executeMillis = (System.nanoTime() - started) / 1_000_000;
        ObjectNode event = callbacks.event("succeeded");
        if (last != null) {
            event.set("result", result(event.objectNode(), last));
        }
        ObjectNode metrics = event.putObject("metrics");
        metrics.put("statements", statements.size());
        metrics.put("rowsReturned", last == null ? 0 : last.rows().size());
        metrics.putObject("millis").put("connect", connectMillis).put("execute", executeMillis);
        return Outcome.succeeded(event);
    }

    private static ObjectNode result(ObjectNode result, Preview preview) {
        ArrayNode columns = result.putArray("columns");
        for (StructField f : preview.schema().fields()) {
            columns.addObject().put("name", f.name()).put("type", f.dataType().simpleString());
        }
        ArrayNode rows = result.putArray("rows");
        for (Row row : preview.rows()) {
            ArrayNode cells = rows.addArray();
            for (int c = 0; c < row.length(); c++) {
                cells.add(Cells.json(row.get(c)));
            }
        }
        result.put("truncated", preview.truncated());
        return result;
    }
}
