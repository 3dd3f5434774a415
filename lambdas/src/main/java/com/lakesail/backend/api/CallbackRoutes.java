package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.service.job.CallbackEvent;
import com.lakesail.backend.service.job.JobRunCallbacks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * {@code POST /v1/callbacks/job-runs/{runId}/events}: where a run's Sail watcher and runner report.
 * Not authenticated by a user token but by the run's callback credential, which the service checks
 * before the body is read. One JSON event per request; fields a newer reporter adds are ignored.
 */
public final class CallbackRoutes implements RouteGroup {
    public static final String EVENTS = "/v1/callbacks/job-runs/{runId}/events";
    /** The identifiers a report carries are stored on the run item: bounded, so a report cannot outgrow it. */
    static final int MAX_ENDPOINT = 1024;
    static final int MAX_ERROR_CLASS = 256;
    static final int MAX_METRICS = 50;
    static final int MAX_METRIC_NAME = 100;
    private static final Set<String> STREAMS = Set.of("runner", "sail");
    /** A Spark Connect connection string: it becomes the runner's SPARK_REMOTE. */
    private static final Pattern ENDPOINT = Pattern.compile("sc://\\S+");

    private final JobRunCallbacks callbacks;

    @Inject
    public CallbackRoutes(JobRunCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void addTo(Router router) {
        router.add(new Route("POST", EVENTS, false, false, call -> {
            callbacks.accept(call.path("runId"), call.header("Authorization"), () -> event(call.body()));
            return null;
        }));
    }

    static CallbackEvent event(Body body) {
        String typeName = body.string("type");
        CallbackEvent.Type type = Wire.parse(CallbackEvent.Type.class, typeName);
        if (type == null) {
            throw ValidationException.of("type", "must be one of sail_ready, sail_failed, started, heartbeat, progress,"
                    + " logs, succeeded, failed");
        }
        CallbackEvent event = switch (type) {
            case SAIL_READY -> new CallbackEvent(type, endpoint(required(body.string("endpoint"), "endpoint")), null, null,
                    null, null, null, null, null, null);
            case SAIL_FAILED -> new CallbackEvent(type, null, required(body.string("message"), "message"), null, null,
                    null, null, null, null, null);
            case STARTED, HEARTBEAT -> CallbackEvent.of(type);
            case PROGRESS -> new CallbackEvent(type, null, body.string("message"), null,
                    required(body.int32("step"), "step"), required(body.int32("steps"), "steps"), null, null, null, null);
            case LOGS -> {
                String stream = required(body.string("stream"), "stream");
                if (!STREAMS.contains(stream)) {
                    throw ValidationException.of("stream", "must be runner or sail");
                }
                yield new CallbackEvent(type, null, null, null, null, null, stream,
                        required(body.strings("lines"), "lines"), null, null);
            }
            case SUCCEEDED -> new CallbackEvent(type, null, null, null, null, null, null, null,
                    result(body.json("result")), metrics(body.json("metrics")));
            case FAILED -> new CallbackEvent(type, null, required(body.string("message"), "message"),
                    errorClass(body.string("errorClass")), body.int32("step"), null, null, null, null, null);
        };
        body.doneAllowingUnknown();
        return event;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ValidationException.of(field, "is required for this event");
        }
        return value;
    }

    private static String endpoint(String endpoint) {
        if (endpoint.length() > MAX_ENDPOINT || !ENDPOINT.matcher(endpoint).matches()) {
            throw ValidationException.of("endpoint", "must be a Spark Connect address, sc://host:port, of at most "
                    + MAX_ENDPOINT + " characters");
        }
        return endpoint;
    }

    private static String errorClass(String errorClass) {
        if (errorClass != null && errorClass.length() > MAX_ERROR_CLASS) {
            throw ValidationException.of("errorClass", "must be at most " + MAX_ERROR_CLASS + " characters");
        }
        return errorClass;
    }

    /** {@code {"columns": [{"name", "type"}], "rows": [[...]], "truncated": false}}; null when absent. */
    private static ResultPreview result(JsonNode node) {
        if (node == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        List<ResultPreview.Column> columns = new ArrayList<>();
        JsonNode cols = node.path("columns");
        if (!cols.isArray()) {
            errors.add(new FieldError("result.columns", "must be an array of {name, type}"));
        }
        for (int i = 0; cols.isArray() && i < cols.size(); i++) {
            JsonNode c = cols.get(i);
            if (!c.path("name").isTextual() || !c.path("type").isTextual()) {
                errors.add(new FieldError("result.columns[" + i + "]", "must have a name and a type"));
            } else {
                columns.add(new ResultPreview.Column(c.get("name").textValue(), c.get("type").textValue()));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        JsonNode rs = node.path("rows");
        if (!rs.isArray()) {
            errors.add(new FieldError("result.rows", "must be an array of rows"));
        }
        for (int i = 0; rs.isArray() && i < rs.size(); i++) {
            JsonNode row = rs.get(i);
            if (!row.isArray() || row.size() != columns.size()) {
                errors.add(new FieldError("result.rows[" + i + "]", "must be an array with one value per column"));
                continue;
            }
            List<Object> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(Json.MAPPER.convertValue(cell, Object.class)));
            rows.add(cells);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ResultPreview(columns, rows, node.path("truncated").asBoolean(false));
    }

    /**
     * The runner's metrics: numbers, or objects of numbers (milliseconds per phase), kept as given;
     * other values are ignored (a newer runner's). At most {@link #MAX_METRICS} names per object.
     */
    private static Map<String, Object> metrics(JsonNode node) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (node == null) {
            return metrics;
        }
        if (!node.isObject()) {
            throw ValidationException.of("metrics", "must be an object");
        }
        List<FieldError> errors = new ArrayList<>();
        bounded(node, "metrics", errors);
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                metrics.put(e.getKey(), e.getValue().numberValue());
            } else if (e.getValue().isObject()) {
                bounded(e.getValue(), "metrics." + e.getKey(), errors);
                Map<String, Object> inner = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(i -> {
                    if (i.getValue().isNumber()) {
                        inner.put(i.getKey(), i.getValue().numberValue());
                    }
                });
                metrics.put(e.getKey(), inner);
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return metrics;
    }

    private static void bounded(JsonNode metrics, String field, List<FieldError> errors) {
        if (metrics.size() > MAX_METRICS) {
            errors.add(new FieldError(field, "must hold at most " + MAX_METRICS + " metrics"));
        }
        for (Iterator<String> names = metrics.fieldNames(); names.hasNext(); ) {
            if (names.next().length() > MAX_METRIC_NAME) {
                errors.add(new FieldError(field, "must name each metric in at most " + MAX_METRIC_NAME + " characters"));
                return;
            }
        }
    }
}
