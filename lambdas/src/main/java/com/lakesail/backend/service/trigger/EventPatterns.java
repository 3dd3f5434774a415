package com.lakesail.backend.service.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.JobTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * EventBridge event patterns, read and matched by Event Ruler (AWS's open-source matcher, the one
 * EventBridge is built on), so a pattern means here what it means on the control plane's bus. Every
 * trigger is a pattern: an {@code event} trigger is the user's, an {@code s3} trigger the pattern of
 * S3's "Object Created" event for its bucket and key, a {@code job_run} trigger that of LakeSail's run
 * state changes.
 */
public final class EventPatterns {
    public static final String S3_SOURCE = "aws.s3";
    public static final String OBJECT_CREATED = "Object Created";
    /** Sources a custom event may have, and a pattern may name: exact strings, usable as index keys. */
    private static final Pattern SOURCE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/:-]{0,255}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPatterns() {
    }

    /** Why {@code source} cannot be a custom event's source, or null. */
    public static String sourceProblem(String source) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            return "must be 1 to 256 letters, digits or . _ / : - (beginning with a letter or digit)";
        }
        if (source.startsWith("aws.") || source.equals(Event.SOURCE) || source.startsWith(Event.SOURCE + ".")) {
            return "must not be an AWS (aws.*) or LakeSail (lakesail) source";
        }
        return null;
    }

    /**
     * Why {@code pattern} is not a pattern an event trigger can use, or null: Event Ruler's own error for
     * a pattern it cannot compile; otherwise a pattern must name its {@code source}s as exact strings
     * (they key the index that finds the trigger) and not LakeSail's or AWS's own sources.
     */
    public static String problem(String pattern) {
        String error = JsonRuleCompiler.check(pattern);
        if (error != null) {
            return "is not a valid event pattern: " + error;
        }
        JsonNode source = read(pattern).path("source");
        if (!source.isArray() || source.isEmpty()) {
            return "must name its source as a list of exact strings: {\"source\": [\"com.acme.orders\"], ...}";
        }
        for (JsonNode s : source) {
            String problem = s.isTextual() ? sourceProblem(s.textValue()) : "must list exact strings";
            if (problem != null) {
                return "source " + s + " " + problem;
            }
        }
        return null;
    }

    /** The exact sources a valid event pattern names. */
    public static List<String> sources(String pattern) {
        List<String> out = new ArrayList<>();
        read(pattern).path("source").forEach(s -> out.add(s.textValue()));
        return out;
    }

    /** The pattern a trigger matches: an event trigger's own; that of the S3 or LakeSail events for the others. */
    public static String of(String orgId, JobTrigger trigger) {
        ObjectNode p = JSON.createObjectNode();
        switch (trigger.type()) {
            case EVENT -> {
                return trigger.pattern();
            }
            case S3 -> {
                p.putArray("source").add(S3_SOURCE);
                p.putArray("detail-type").add(OBJECT_CREATED);
                ObjectNode detail = p.putObject("detail");
                detail.putObject("bucket").putArray("name").add(trigger.bucket());
                ArrayNode key = JSON.createArrayNode();
                if (!trigger.prefix().isEmpty() && !trigger.suffix().isEmpty()) {
                    key.addObject().put("wildcard", wildcardLiteral(trigger.prefix()) + "*" + wildcardLiteral(trigger.suffix()));
                } else if (!trigger.prefix().isEmpty()) {
                    key.addObject().put("prefix", trigger.prefix());
                } else if (!trigger.suffix().isEmpty()) {
                    key.addObject().put("suffix", trigger.suffix());
                }
                if (!key.isEmpty()) {
                    detail.putObject("object").set("key", key);
                }
            }
            case JOB_RUN -> {
                p.putArray("source").add(Event.SOURCE);
                p.putArray("detail-type").add(Event.JOB_RUN_STATE_CHANGE);
                ObjectNode detail = p.putObject("detail");
                detail.putArray("organizationId").add(orgId);
                detail.putArray("jobId").add(trigger.jobId());
                ArrayNode states = detail.putArray("state");
                for (JobRunStatus s : trigger.states()) {
                    states.add(Wire.name(s));
                }
            }
        }
        return p.toString();
    }

    /** A matcher over named patterns: which of them an event matches. */
    public static final class Matcher {
        private final Machine machine = new Machine();

        /** Adds the (valid) {@code pattern} under {@code name}. */
        public Matcher add(String name, String pattern) {
            try {
                machine.addRule(name, pattern);
            } catch (IOException e) {
                throw new IllegalStateException("pattern " + name + " was validated but does not compile: " + e.getMessage(), e);
            }
            return this;
        }

        /** The names of the patterns {@code event} (an EventBridge envelope) matches. */
        public List<String> matches(JsonNode event) {
            return machine.rulesForJSONEvent(event);
        }
    }

    /** A wildcard pattern's literal part: {@code *} and {@code \} escaped, as Event Ruler and EventBridge read them. */
    private static String wildcardLiteral(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
