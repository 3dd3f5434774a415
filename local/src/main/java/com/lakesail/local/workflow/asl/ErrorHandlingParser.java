package com.lakesail.local.workflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.ErrorNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses a state's Retry and Catch fields, with the spec's rules for States.ALL. */
final class ErrorHandlingParser {
    private static final Set<String> RETRIER = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    private ErrorHandlingParser() {
    }

    static List<State.Retrier> retriers(Fields state) {
        List<State.Retrier> out = new ArrayList<>();
        JsonNode retry = array(state, "Retry");
        for (int i = 0; i < retry.size(); i++) {
            Fields f = new Fields(retry.get(i), state.where() + " Retry[" + i + "]");
            f.onlyAllow(RETRIER, "in a retrier");
            List<String> errors = errorEquals(f, i == retry.size() - 1);
            Long interval = f.integer("IntervalSeconds", 1);
            Long maxAttempts = f.integer("MaxAttempts", 0);
            Double backoff = f.number("BackoffRate");
            if (backoff != null && backoff < 1.0) {
                throw f.error("BackoffRate must be at least 1.0");
            }
            String jitter = f.string("JitterStrategy");
            if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
                throw f.error("JitterStrategy must be FULL or NONE");
            }
            out.add(new State.Retrier(errors, interval == null ? 1 : interval,
                    maxAttempts == null ? 3 : (int) Math.min(99_999_999, maxAttempts), backoff == null ? 2.0 : backoff,
                    f.integer("MaxDelaySeconds", 1), "FULL".equals(jitter)));
        }
        return List.copyOf(out);
    }

    static List<State.Catcher> catchers(Fields state) {
        List<State.Catcher> out = new ArrayList<>();
        JsonNode catchers = array(state, "Catch");
        for (int i = 0; i < catchers.size(); i++) {
            Fields f = new Fields(catchers.get(i), state.where() + " Catch[" + i + "]");
            f.onlyAllow(CATCHER, "in a catcher");
            out.add(new State.Catcher(errorEquals(f, i == catchers.size() - 1), f.requiredString("Next"),
                    f.resultPath("ResultPath")));
        }
        return List.copyOf(out);
    }

    private static JsonNode array(Fields state, String field) {
        JsonNode value = state.get(field);
        if (value == null) {
            return com.lakesail.local.workflow.data.Json.MAPPER.createArrayNode();
        }
        if (!value.isArray()) {
            throw state.error("field '" + field + "' must be an array");
        }
        return value;
    }

    private static List<String> errorEquals(Fields f, boolean last) {
        JsonNode value = f.get("ErrorEquals");
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw f.error("ErrorEquals must be a non-empty array of error names");
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode error : value) {
            if (!error.isTextual()) {
                throw f.error("ErrorEquals must contain strings");
            }
            errors.add(error.textValue());
        }
        if (errors.contains(ErrorNames.ALL) && (errors.size() > 1 || !last)) {
            throw f.error("States.ALL must appear alone in ErrorEquals, in the last retrier or catcher");
        }
        return List.copyOf(errors);
    }
}
