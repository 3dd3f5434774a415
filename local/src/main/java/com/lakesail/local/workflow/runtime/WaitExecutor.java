package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.JsonValues;
import com.lakesail.local.workflow.data.StateFailure;
import com.lakesail.local.workflow.data.Timestamps;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Wait: computes the deadline from Seconds, Timestamp or their paths (read from the effective
 * input), parks the branch on a timer and completes when it fires. A deadline already passed
 * completes at once.
 */
final class WaitExecutor {
    private final Interpreter in;

    WaitExecutor(Interpreter in) {
        this.in = in;
    }

    void execute(Step step, Branch b, State.Wait s) {
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        JsonNode effective = s.inputPath().apply(b.input, context);
        long due = deadline(step.now, s, effective, context);
        if (due <= step.now) {
            in.complete(step, b, s, s.outputPath().apply(effective, context));
            return;
        }
        b.phase = Phase.WAIT;
        b.due = due;
        step.dirty(b);
        in.timers.schedule(step.x, b);
    }

    /** The timer fired: leave the Wait state. */
    void finish(Step step, Branch b, State.Wait s) {
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        b.due = 0;
        in.complete(step, b, s, s.outputPath().apply(s.inputPath().apply(b.input, context), context));
    }

    private static long deadline(long now, State.Wait s, JsonNode effective, Supplier<JsonNode> context) {
        if (s.seconds() != null) {
            return now + s.seconds() * 1000;
        }
        if (s.timestamp() != null) {
            return s.timestamp().toEpochMilli();
        }
        if (s.secondsPath() != null) {
            JsonNode value = s.secondsPath().select(effective, context);
            if (value == null || !value.isNumber() || !JsonValues.isIntegral(value) || value.longValue() < 0) {
                throw StateFailure.runtime("The SecondsPath parameter does not reference a valid non-negative integer"
                        + " value: " + s.secondsPath().text() + " = " + (value == null ? "nothing" : Json.write(value)));
            }
            return now + value.longValue() * 1000;
        }
        JsonNode value = s.timestampPath().select(effective, context);
        Instant at = value != null && value.isTextual() ? Timestamps.parse(value.textValue()) : null;
        if (at == null) {
            throw StateFailure.runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended"
                    + " offset date-time format string: " + s.timestampPath().text() + " = "
                    + (value == null ? "nothing" : Json.write(value)));
        }
        return at.toEpochMilli();
    }
}
