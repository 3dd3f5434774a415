package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.Timestamps;
import java.util.function.Supplier;

/** Builds the context object ({@code $$}) lazily: most states never read it. */
final class ContextObject {
    private final Arns arns;

    ContextObject(Arns arns) {
        this.arns = arns;
    }

    Arns arns() {
        return arns;
    }

    /**
     * @param token   the task token, for a Task state's Parameters, else null
     * @param mapItem {@code {"Index": i, "Value": v}} while evaluating a Map's ItemSelector, else null
     */
    Supplier<JsonNode> of(ExecutionRuntime x, Branch b, String token, JsonNode mapItem) {
        return new Supplier<>() {
            private JsonNode built;

            @Override
            public JsonNode get() {
                if (built == null) {
                    built = build(x, b, token, mapItem);
                }
                return built;
            }
        };
    }

    private JsonNode build(ExecutionRuntime x, Branch b, String token, JsonNode mapItem) {
        ObjectNode root = Json.object();
        ObjectNode execution = root.putObject("Execution");
        execution.put("Id", x.arn);
        execution.set("Input", x.input);
        execution.put("Name", x.name);
        execution.put("RoleArn", arns.roleArn());
        execution.put("StartTime", Timestamps.format(x.startedAt));
        execution.put("RedriveCount", 0);
        ObjectNode state = root.putObject("State");
        state.put("EnteredTime", Timestamps.format(b.enteredAt));
        state.put("Name", b.state);
        state.put("RetryCount", b.retryCount);
        ObjectNode machine = root.putObject("StateMachine");
        machine.put("Id", arns.stateMachine(x.stateMachine));
        machine.put("Name", x.stateMachine);
        if (token != null) {
            root.putObject("Task").put("Token", token);
        }
        if (mapItem != null) {
            root.putObject("Map").set("Item", mapItem);
        }
        return root;
    }
}
