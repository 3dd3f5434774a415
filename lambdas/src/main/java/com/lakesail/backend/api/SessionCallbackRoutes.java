package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.StatementError;
import com.lakesail.backend.service.session.SessionCallbacks;
import com.lakesail.backend.service.session.SessionEvent;
import com.lakesail.backend.service.session.SessionLimits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * Where a session's server reports ({@code POST /v1/callbacks/sessions/{sessionId}/events}), takes its
 * gate token ({@code POST .../token}) and pulls its statements ({@code POST .../next}). Not
 * authenticated by a user token but by the session's callback credential, which the service checks
 * before the body is read. Fields a newer server adds are ignored.
 *
 * <p>A pull: {@code {"taken": [statement ids], "cancelled": [statement ids], "waitSeconds": 20}} answers
 * {@code {"statements": [{statementId, sql, parameters, maxResultBytes, chunkBytes, cancelRequested}],
 * "cancels": [statement ids], "inFlight": [statement ids]}} as soon as there is any work, or empty
 * lists after {@code waitSeconds}; 409 once the session has ended. The server keeps of what it holds
 * only what is still in flight.
 */
public final class SessionCallbackRoutes implements RouteGroup {
    public static final String EVENTS = "/v1/callbacks/sessions/{sessionId}/events";
    public static final String TOKEN = "/v1/callbacks/sessions/{sessionId}/token";
    public static final String NEXT = "/v1/callbacks/sessions/{sessionId}/next";
    /** Ids a pull may name in each of its lists: what a server holds is bounded by a session's in-flight limit. */
    public static final int MAX_HELD = 4 * Session.MAX_IN_FLIGHT;
    private static final Pattern ENDPOINT = Pattern.compile("sc://\\S{1,1019}");
    private static final int MAX_COLUMNS = 1000;

    private final SessionCallbacks callbacks;
    private final SessionLimits limits;

    @Inject
    public SessionCallbackRoutes(SessionCallbacks callbacks, SessionLimits limits) {
        this.callbacks = callbacks;
        this.limits = limits;
    }

    /** A statement as its session's server runs it. */
    public record PulledStatement(String statementId, String sql, Map<String, Object> parameters, long maxResultBytes,
                                  int chunkBytes, boolean cancelRequested) {
    }

    /** A pull's answer; {@code inFlight}: every statement the session still has in flight. */
    public record Pulled(List<PulledStatement> statements, List<String> cancels, List<String> inFlight) {
    }

    /** The gate token as the server receives it. */
    public record ServerToken(String token, java.time.Instant expiresAt) {
        @Override
        public String toString() {
            return "ServerToken[expiresAt=" + expiresAt + "]";
        }
    }

    @Override
    public void addTo(Router router) {
        router.add(new Route("POST", EVENTS, false, false, call -> {
            callbacks.accept(call.path("sessionId"), call.header("Authorization"), () -> event(call.body()));
            return null;
        })).add(new Route("POST", TOKEN, false, false, call -> {
            var issued = callbacks.serverToken(call.path("sessionId"), call.header("Authorization"));
            return new ServerToken(issued.token(), issued.expiresAt());
        })).add(new Route("POST", NEXT, false, false, call -> {
            SessionCallbacks.Work work = callbacks.next(call.path("sessionId"), call.header("Authorization"),
                    () -> holding(call.body()));
            return new Pulled(work.statements().stream().map(s -> new PulledStatement(s.id(), s.sql(), s.parameters(),
                    limits.maxResultBytes(), limits.chunkBytes(), s.cancelRequestedAt() != null)).toList(), work.cancels(),
                    work.inFlight());
        }));
    }

    static SessionCallbacks.Holding holding(Body body) {
        List<String> taken = held(body, "taken");
        List<String> cancelled = held(body, "cancelled");
        Integer wait = body.int32("waitSeconds");
        body.doneAllowingUnknown();
        if (wait != null && (wait < 0 || wait > SessionCallbacks.MAX_PULL_WAIT_SECONDS)) {
            throw ValidationException.of("waitSeconds", "must be 0 to " + SessionCallbacks.MAX_PULL_WAIT_SECONDS);
        }
        return new SessionCallbacks.Holding(new HashSet<>(taken), new HashSet<>(cancelled),
                wait == null ? SessionCallbacks.MAX_PULL_WAIT_SECONDS : wait);
    }

    private static List<String> held(Body body, String field) {
        List<String> ids = body.strings(field);
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_HELD) {
            throw ValidationException.of(field, "must be at most " + MAX_HELD + " statement ids");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).isEmpty() || ids.get(i).length() > 64) {
                throw ValidationException.of(field + "[" + i + "]", "must be a statement id (1 to 64 characters)");
            }
        }
        return ids;
    }

    static SessionEvent event(Body body) {
        SessionEvent.Type type = Wire.parse(SessionEvent.Type.class, body.string("type"));
        if (type == null) {
            throw ValidationException.of("type", "must be one of session_ready, session_failed, heartbeat, statement_started,"
                    + " result_chunk, statement_succeeded, statement_failed, statement_cancelled");
        }
        SessionEvent event = switch (type) {
            case SESSION_READY -> {
                String endpoint = required(body.string("endpoint"), "endpoint");
                if (!ENDPOINT.matcher(endpoint).matches()) {
                    throw ValidationException.of("endpoint", "must be a Spark Connect address, sc://host:port, of at most"
                            + " 1024 characters");
                }
                String certificate = body.string("certificate");
                if (certificate != null && (!certificate.startsWith("-----BEGIN CERTIFICATE-----")
                        || certificate.length() > Session.MAX_ENDPOINT_CERTIFICATE)) {
                    throw ValidationException.of("certificate", "must be a PEM certificate (-----BEGIN CERTIFICATE-----) of at"
                            + " most " + Session.MAX_ENDPOINT_CERTIFICATE + " characters");
                }
                yield new SessionEvent(type, endpoint, null, null, null, null, null, null, null, null, null, false, null,
                        certificate);
            }
            case SESSION_FAILED -> new SessionEvent(type, null, message(required(body.string("message"), "message")), null,
                    null, null, null, null, null, null, null, false, null);
            case HEARTBEAT -> new SessionEvent(type, null, null, null, null, null, null, null, null, null, null, false, null);
            case STATEMENT_STARTED, STATEMENT_CANCELLED -> new SessionEvent(type, null, null, statementId(body), null, null,
                    null, null, null, null, null, false, null);
            case RESULT_CHUNK -> {
                int sequence = required(body.int32("sequence"), "sequence");
                long firstRow = notNegative(required(body.int64("firstRow"), "firstRow"), "firstRow");
                if (sequence < 1) {
                    throw ValidationException.of("sequence", "must be at least 1: chunks are numbered from 1");
                }
                yield new SessionEvent(type, null, null, statementId(body), sequence, firstRow,
                        rows(required(body.json("rows"), "rows"), -1), null, null, null, null, false, null);
            }
            case STATEMENT_SUCCEEDED -> {
                List<ResultPreview.Column> columns = columns(required(body.json("columns"), "columns"));
                long rowCount = notNegative(required(body.int64("rowCount"), "rowCount"), "rowCount");
                int chunks = (int) notNegative(required(body.int32("chunks"), "chunks"), "chunks");
                long bytes = notNegative(required(body.int64("bytes"), "bytes"), "bytes");
                JsonNode inline = body.json("rows");
                if (inline != null && chunks != 1) {
                    throw ValidationException.of("chunks", "must be 1 when the rows come inline: they are the result's one chunk");
                }
                Boolean truncated = body.bool("truncated");
                yield new SessionEvent(type, null, null, statementId(body), null, null,
                        inline == null ? null : rows(inline, columns.size()), columns, rowCount, chunks, bytes,
                        truncated != null && truncated, null);
            }
            case STATEMENT_FAILED -> {
                String errorClass = required(body.string("errorClass"), "errorClass");
                if (errorClass.length() > StatementError.MAX_ERROR_CLASS) {
                    throw ValidationException.of("errorClass", "must be at most " + StatementError.MAX_ERROR_CLASS
                            + " characters");
                }
                yield new SessionEvent(type, null, message(required(body.string("message"), "message")), statementId(body),
                        null, null, null, null, null, null, null, false, errorClass);
            }
        };
        body.doneAllowingUnknown();
        return event;
    }

    private static long notNegative(long value, String field) {
        if (value < 0) {
            throw ValidationException.of(field, "must not be negative");
        }
        return value;
    }

    private static String statementId(Body body) {
        return required(body.string("statementId"), "statementId");
    }

    private static String message(String message) {
        return message.length() > StatementError.MAX_MESSAGE ? message.substring(0, StatementError.MAX_MESSAGE) : message;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ValidationException.of(field, "is required for this event");
        }
        return value;
    }

    private static List<ResultPreview.Column> columns(JsonNode node) {
        if (!node.isArray() || node.size() > MAX_COLUMNS) {
            throw ValidationException.of("columns", "must be an array of at most " + MAX_COLUMNS + " {name, type}");
        }
        List<ResultPreview.Column> columns = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            if (!c.path("name").isTextual() || !c.path("type").isTextual()) {
                throw ValidationException.of("columns[" + i + "]", "must have a name and a type");
            }
            columns.add(new ResultPreview.Column(c.get("name").textValue(), c.get("type").textValue()));
        }
        return columns;
    }

    /** Rows of JSON values; with {@code width} ≥ 0 each must have that many cells. */
    private static List<List<Object>> rows(JsonNode node, int width) {
        if (!node.isArray()) {
            throw ValidationException.of("rows", "must be an array of rows");
        }
        List<FieldError> errors = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode row = node.get(i);
            if (!row.isArray() || (width >= 0 && row.size() != width)) {
                errors.add(new FieldError("rows[" + i + "]", "must be an array with one value per column"));
                break;
            }
            List<Object> cells = new ArrayList<>(row.size());
            row.forEach(cell -> cells.add(Json.MAPPER.convertValue(cell, Object.class)));
            rows.add(cells);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return rows;
    }
}
