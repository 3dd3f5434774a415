package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;

/**
 * One JSON line per request on stdout (CloudWatch on Lambda, the console locally), carrying the
 * request id. It logs the route template, never the raw path's secrets, headers or bodies.
 */
public final class JsonLog {
    private final PrintStream out;
    private final Clock clock;
    private final boolean enabled;

    public JsonLog(PrintStream out, Clock clock, boolean enabled) {
        this.out = out;
        this.clock = clock;
        this.enabled = enabled;
    }

    public static JsonLog stdout(Clock clock) {
        return new JsonLog(System.out, clock, true);
    }

    public static JsonLog off() {
        return new JsonLog(System.out, Clock.systemUTC(), false);
    }

    void request(String requestId, String method, String route, int status, long micros, String userId, String errorCode) {
        if (!enabled) {
            return;
        }
        ObjectNode line = Json.object().put("time", clock.instant().toString()).put("level", status >= 500 ? "ERROR" : "INFO")
                .put("requestId", requestId).put("method", method).put("route", route).put("status", status)
                .put("durationMs", micros / 1000.0);
        if (userId != null) {
            line.put("userId", userId);
        }
        if (errorCode != null) {
            line.put("errorCode", errorCode);
        }
        out.println(Json.write(line));
    }

    /** Once per container, when the graph was primed for a SnapStart snapshot. */
    void primed(long micros) {
        if (enabled) {
            out.println(Json.write(Json.object().put("time", clock.instant().toString()).put("level", "INFO")
                    .put("message", "primed for the snapshot").put("durationMs", micros / 1000.0)));
        }
    }

    void failure(String requestId, Throwable t) {
        if (!enabled) {
            return;
        }
        // The stack trace goes to the log (for us), never into the response (for the caller).
        ObjectNode line = Json.object().put("time", clock.instant().toString()).put("level", "ERROR")
                .put("requestId", requestId).put("exception", t.getClass().getName()).put("message", String.valueOf(t.getMessage()));
        StringBuilder trace = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            trace.append(e).append('\n');
        }
        line.put("stackTrace", trace.toString());
        out.println(Json.write(line));
    }
}
