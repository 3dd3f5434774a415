package com.lakesail.local.workflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.TaskFailedException;
import com.lakesail.local.workflow.TaskHandler;
import com.lakesail.local.workflow.TaskRegistry;
import com.lakesail.local.workflow.data.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mock configuration in AWS Step Functions Local's {@code MockConfigFile} format:
 *
 * <pre>{@code
 * {"StateMachines": {"Provision": {"TestCases": {"HappyPath": {"CreateStack": "StackCreated"}}}},
 *  "MockedResponses": {"StackCreated": {"0": {"Throw": {"Error": "Busy", "Cause": "later"}},
 *                                       "1-2": {"Return": {"StackId": "s-1"}}}}}
 * }</pre>
 *
 * A test case maps Task state names to mocked responses; a response maps attempts (a number or a
 * range {@code "1-2"}, counted per state from 0) to a {@code Return} (the task's result, as the
 * service call would return it) or a {@code Throw} (an error and cause).
 */
public final class MockConfig {
    private final JsonNode root;

    private MockConfig(JsonNode root) {
        this.root = root;
    }

    public static MockConfig parse(String json) {
        JsonNode root = Json.parse(json);
        if (!root.path("StateMachines").isObject() || !root.path("MockedResponses").isObject()) {
            throw new IllegalArgumentException("a mock configuration has StateMachines and MockedResponses objects");
        }
        return new MockConfig(root);
    }

    /** The state machine of the configuration: the one named, or the only one. */
    public String stateMachine(String requested) {
        return pick(root.get("StateMachines"), requested, "state machine");
    }

    /** The test case of a state machine: the one named, or the only one. */
    public String testCase(String stateMachine, String requested) {
        return pick(root.get("StateMachines").path(stateMachine).path("TestCases"), requested, "test case");
    }

    /** Registers, for every state the test case mocks, a handler that answers per attempt. */
    public void register(String stateMachine, String testCase, TaskRegistry registry) {
        JsonNode states = root.get("StateMachines").path(stateMachine).path("TestCases").path(testCase);
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            String responseName = state.getValue().asText();
            JsonNode response = root.get("MockedResponses").get(responseName);
            if (response == null || !response.isObject()) {
                throw new IllegalArgumentException("state " + state.getKey() + " uses the mocked response "
                        + responseName + ", which MockedResponses does not define");
            }
            registry.mockState(state.getKey(), handler(state.getKey(), attempts(responseName, response)));
        }
    }

    private record Attempts(int from, int to, JsonNode answer) {
    }

    private static List<Attempts> attempts(String name, JsonNode response) {
        List<Attempts> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = response.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String[] range = entry.getKey().split("-");
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                JsonNode answer = entry.getValue();
                if (!answer.has("Return") && !answer.has("Throw")) {
                    throw new IllegalArgumentException("mocked response " + name + " attempt " + entry.getKey()
                            + " has neither Return nor Throw");
                }
                out.add(new Attempts(from, to, answer));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mocked response " + name + ": '" + entry.getKey()
                        + "' is not an attempt number or range like \"1-2\"", e);
            }
        }
        return out;
    }

    private static TaskHandler handler(String state, List<Attempts> attempts) {
        AtomicInteger counter = new AtomicInteger();
        return input -> {
            int attempt = counter.getAndIncrement();
            for (Attempts a : attempts) {
                if (attempt >= a.from() && attempt <= a.to()) {
                    if (a.answer().has("Return")) {
                        return a.answer().get("Return");
                    }
                    JsonNode error = a.answer().get("Throw");
                    throw new TaskFailedException(error.path("Error").asText("States.TaskFailed"),
                            error.hasNonNull("Cause") ? error.get("Cause").asText() : null);
                }
            }
            throw new TaskFailedException("MockConfig.NoResponse", "the mock configuration has no response for attempt "
                    + attempt + " of state " + state);
        };
    }

    private static String pick(JsonNode options, String requested, String what) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        options.fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        if (requested != null) {
            if (!all.containsKey(requested)) {
                throw new IllegalArgumentException("the mock configuration has no " + what + " " + requested
                        + " (it has " + all.keySet() + ")");
            }
            return requested;
        }
        if (all.size() != 1) {
            throw new IllegalArgumentException("name the " + what + " to use: the mock configuration has " + all.keySet());
        }
        return all.keySet().iterator().next();
    }
}
