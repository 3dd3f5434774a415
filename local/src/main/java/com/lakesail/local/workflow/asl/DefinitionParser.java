package com.lakesail.local.workflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.Intrinsic;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.PathExpression;
import com.lakesail.local.workflow.data.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads an Amazon States Language definition (JSONPath query language): checks every field of every
 * state, compiles paths, templates, choice rules and error handling, then runs the
 * {@link DefinitionValidator graph checks}. Any problem is an {@link InvalidDefinitionException}
 * naming the state.
 */
public final class DefinitionParser {
    private static final Set<String> TOP = Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds",
            "QueryLanguage");
    private static final Set<String> GRAPH = Set.of("StartAt", "States", "Comment", "ProcessorConfig");
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath"),
            "Task", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
                    "Retry", "Catch", "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
                    "HeartbeatSecondsPath", "Credentials"),
            "Choice", Set.of("InputPath", "OutputPath", "Choices", "Default"),
            "Wait", Set.of("Next", "End", "InputPath", "OutputPath", "Seconds", "Timestamp", "SecondsPath",
                    "TimestampPath"),
            "Succeed", Set.of("InputPath", "OutputPath"),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Parallel", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
                    "Retry", "Catch", "Branches"),
            "Map", Set.of("Next", "End", "InputPath", "OutputPath", "ItemsPath", "ItemSelector", "Parameters",
                    "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "Label"));

    private final Set<String> names = new HashSet<>();

    private DefinitionParser() {
    }

    public static StateMachineDefinition parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new InvalidDefinitionException("the definition is not valid JSON: " + e.getMessage());
        }
        return parse(root);
    }

    public static StateMachineDefinition parse(JsonNode root) {
        Fields top = new Fields(root, "the definition");
        top.onlyAllow(TOP, "at the top level");
        String language = top.string("QueryLanguage");
        if (language != null && !language.equals("JSONPath")) {
            throw top.error("QueryLanguage " + language + " is not supported: the local engine runs JSONPath definitions");
        }
        StateGraph graph = new DefinitionParser().graph(top);
        Long timeout = top.integer("TimeoutSeconds", 1);
        DefinitionValidator.validate(graph);
        return new StateMachineDefinition(graph, timeout, Json.write(root));
    }

    private StateGraph graph(Fields fields) {
        String startAt = fields.requiredString("StartAt");
        JsonNode states = fields.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            throw fields.error("field 'States' must be a non-empty object");
        }
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (!names.add(name)) {
                throw new InvalidDefinitionException("State '" + name + "': the name is used more than once");
            }
            if (name.isEmpty() || name.length() > 80) {
                throw new InvalidDefinitionException("State '" + name + "': a name has 1 to 80 characters");
            }
            parsed.put(name, state(name, new Fields(entry.getValue(), "State '" + name + "'")));
        }
        return new StateGraph(startAt, parsed);
    }

    private State state(String name, Fields f) {
        String type = f.requiredString("Type");
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw f.error("unknown Type '" + type + "'");
        }
        Set<String> all = new HashSet<>(allowed);
        all.addAll(COMMON);
        f.onlyAllow(all, "in a " + type + " state");
        String language = f.string("QueryLanguage");
        if (language != null && !language.equals("JSONPath")) {
            throw f.error("QueryLanguage " + language + " is not supported");
        }
        return switch (type) {
            case "Pass" -> new State.Pass(name, flow(f), f.selector("InputPath"), f.template("Parameters"),
                    f.get("Result"), f.resultPath("ResultPath"), f.selector("OutputPath"));
            case "Task" -> task(name, f);
            case "Choice" -> new State.Choice(name, f.selector("InputPath"), f.selector("OutputPath"),
                    ChoiceRuleParser.choices(f), f.string("Default"));
            case "Wait" -> waitState(name, f);
            case "Succeed" -> new State.Succeed(name, f.selector("InputPath"), f.selector("OutputPath"));
            case "Fail" -> new State.Fail(name, text(f, "Error", "ErrorPath"), text(f, "Cause", "CausePath"));
            case "Parallel" -> parallel(name, f);
            default -> map(name, f);
        };
    }

    private static State.Flow flow(Fields f) {
        String next = f.string("Next");
        boolean end = f.bool("End");
        if ((next == null) == !end) {
            throw f.error(next == null ? "a state needs either 'Next' or \"End\": true" : "'Next' and \"End\": true"
                    + " cannot both be set");
        }
        return new State.Flow(next, end);
    }

    private State task(String name, Fields f) {
        TaskResource resource;
        try {
            resource = TaskResource.parse(f.requiredString("Resource"));
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
        State.Seconds timeout = seconds(f, "TimeoutSeconds");
        State.Seconds heartbeat = seconds(f, "HeartbeatSeconds");
        if (timeout != null && heartbeat != null && timeout.value() != null && heartbeat.value() != null
                && heartbeat.value() >= timeout.value()) {
            throw f.error("HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        if (resource.kind() == TaskResource.Kind.LAMBDA_INVOKE) {
            JsonNode parameters = f.get("Parameters");
            if (parameters == null || !parameters.isObject()
                    || !(parameters.has("FunctionName") || parameters.has("FunctionName.$"))) {
                throw f.error("arn:aws:states:::lambda:invoke needs Parameters with a FunctionName");
            }
        }
        return new State.Task(name, flow(f), f.selector("InputPath"), f.template("Parameters"), resource,
                f.template("ResultSelector"), f.resultPath("ResultPath"), f.selector("OutputPath"), timeout, heartbeat,
                ErrorHandlingParser.retriers(f), ErrorHandlingParser.catchers(f));
    }

    private static State.Seconds seconds(Fields f, String field) {
        if (f.has(field) && f.has(field + "Path")) {
            throw f.error("'" + field + "' and '" + field + "Path' cannot both be set");
        }
        Long value = f.integer(field, 1);
        PathExpression path = f.path(field + "Path");
        return value == null && path == null ? null : new State.Seconds(value, path);
    }

    private static State waitState(String name, Fields f) {
        int count = 0;
        for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
            count += f.has(field) ? 1 : 0;
        }
        if (count != 1) {
            throw f.error("a Wait state needs exactly one of Seconds, Timestamp, SecondsPath and TimestampPath");
        }
        Instant timestamp = null;
        if (f.has("Timestamp")) {
            timestamp = Timestamps.parse(f.string("Timestamp"));
            if (timestamp == null) {
                throw f.error("Timestamp '" + f.string("Timestamp") + "' is not an RFC 3339 timestamp");
            }
        }
        return new State.Wait(name, flow(f), f.selector("InputPath"), f.selector("OutputPath"), f.integer("Seconds", 0),
                timestamp, f.path("SecondsPath"), f.path("TimestampPath"));
    }

    private static DynamicText text(Fields f, String field, String pathField) {
        if (f.has(field) && f.has(pathField)) {
            throw f.error("'" + field + "' and '" + pathField + "' cannot both be set");
        }
        if (f.has(field)) {
            return DynamicText.of(f.string(field));
        }
        String expression = f.string(pathField);
        if (expression == null) {
            return null;
        }
        try {
            if (Intrinsic.looksLikeIntrinsic(expression)) {
                return new DynamicText(null, null, Intrinsic.parse(expression), pathField);
            }
            return new DynamicText(null, PathExpression.compile(expression), null, pathField);
        } catch (IllegalArgumentException e) {
            throw f.error("field '" + pathField + "': " + e.getMessage());
        }
    }

    private State parallel(String name, Fields f) {
        JsonNode branches = f.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            throw f.error("field 'Branches' must be a non-empty array");
        }
        List<StateGraph> graphs = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            Fields branch = new Fields(branches.get(i), f.where() + " branch " + i);
            branch.onlyAllow(GRAPH, "in a branch");
            graphs.add(graph(branch));
        }
        return new State.Parallel(name, flow(f), f.selector("InputPath"), f.template("Parameters"), List.copyOf(graphs),
                f.template("ResultSelector"), f.resultPath("ResultPath"), f.selector("OutputPath"),
                ErrorHandlingParser.retriers(f), ErrorHandlingParser.catchers(f));
    }

    private State map(String name, Fields f) {
        if (f.has("ItemProcessor") == f.has("Iterator")) {
            throw f.error("a Map state needs exactly one of ItemProcessor and Iterator");
        }
        if (f.has("ItemSelector") && f.has("Parameters")) {
            throw f.error("'ItemSelector' and 'Parameters' cannot both be set");
        }
        if (f.has("MaxConcurrency") && f.has("MaxConcurrencyPath")) {
            throw f.error("'MaxConcurrency' and 'MaxConcurrencyPath' cannot both be set");
        }
        Fields processor = new Fields(f.get(f.has("ItemProcessor") ? "ItemProcessor" : "Iterator"),
                f.where() + " item processor");
        processor.onlyAllow(GRAPH, "in an item processor");
        JsonNode config = processor.get("ProcessorConfig");
        if (config != null && "DISTRIBUTED".equals(config.path("Mode").asText())) {
            throw processor.error("ProcessorConfig Mode DISTRIBUTED is not supported by the local engine (use INLINE)");
        }
        PathExpression itemsPath = f.path("ItemsPath");
        Long maxConcurrency = f.integer("MaxConcurrency", 0);
        return new State.Map(name, flow(f), f.selector("InputPath"),
                itemsPath == null ? PathExpression.compile("$") : itemsPath,
                f.template(f.has("ItemSelector") ? "ItemSelector" : "Parameters"), graph(processor),
                maxConcurrency == null ? 0 : (int) Math.min(Integer.MAX_VALUE, maxConcurrency), f.path("MaxConcurrencyPath"),
                f.template("ResultSelector"), f.resultPath("ResultPath"), f.selector("OutputPath"),
                ErrorHandlingParser.retriers(f), ErrorHandlingParser.catchers(f));
    }
}
