package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.workflow.TaskFailedException;
import com.lakesail.local.workflow.TaskHandler;
import com.lakesail.local.workflow.TaskRegistry;
import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.asl.TaskResource;
import com.lakesail.local.workflow.data.ErrorNames;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.JsonValues;
import com.lakesail.local.workflow.data.StateFailure;
import java.util.function.Supplier;

/**
 * Task: InputPath and Parameters, then the handler, then ResultSelector, ResultPath and OutputPath.
 *
 * <p>A request-response task calls its handler within the step; its TimeoutSeconds is checked on
 * the engine's clock when the handler returns. A {@code .waitForTaskToken} task first persists the
 * token (so a callback can never arrive for a task the store does not know), calls the handler,
 * and parks until SendTaskSuccess/Failure or its TimeoutSeconds/HeartbeatSeconds timer.
 */
final class TaskExecutor {
    private final Interpreter in;
    private final TaskRegistry registry;

    TaskExecutor(Interpreter in, TaskRegistry registry) {
        this.in = in;
        this.registry = registry;
    }

    void execute(Step step, Branch b, State.Task s) {
        TaskResource resource = s.resource();
        String token = resource.waitForTaskToken() ? Tokens.create(step.x.arn, b.id) : null;
        Supplier<JsonNode> context = in.context.of(step.x, b, token, null);
        JsonNode effective = s.inputPath().apply(b.input, context);
        JsonNode parameters = s.parameters() == null ? effective : s.parameters().apply(effective, context);
        Long timeout = seconds(s.timeout(), "TimeoutSecondsPath", effective, context);
        Long heartbeat = seconds(s.heartbeat(), "HeartbeatSecondsPath", effective, context);
        TaskHandler mock = registry.stateMock(s.name()).orElse(null);
        String kind = resource.kind() == TaskResource.Kind.FUNCTION ? "LambdaFunction" : "Task";

        String parametersJson = Payloads.checked(s.name(), "input", parameters);
        step.event(b, kind + "Scheduled", scheduled(resource, parametersJson, timeout, heartbeat,
                in.context.arns().region()));
        step.event(b, kind + "Started", resourceDetails(resource));
        if (token != null) {
            b.phase = Phase.TASK;
            b.token = token;
            b.due = timeout == null ? 0 : step.now + timeout * 1000;
            b.heartbeatDue = heartbeat == null ? 0 : step.now + heartbeat * 1000;
            b.heartbeatSeconds = heartbeat == null ? 0 : heartbeat;
            if (b.due != 0 || b.heartbeatDue != 0) {
                in.timers.schedule(step.x, b);
            }
            step.flush();
        }
        long started = in.clock.millis();
        JsonNode result;
        Runnable callback;
        b.invoking = true;
        try {
            result = mock != null ? mock.handle(parameters) : invoke(resource, parameters);
        } catch (TaskFailedException e) {
            taskFailed(step, b, s, e.error(), e.cause());
            return;
        } catch (RuntimeException e) {
            // An unhandled exception in a handler is what Lambda reports with the exception's type as the error.
            taskFailed(step, b, s, e.getClass().getName(), e.getMessage());
            return;
        } finally {
            b.invoking = false;
            callback = b.pendingCallback;
            b.pendingCallback = null;
        }
        if (!step.x.running()) {
            // The handler stopped its own execution.
            return;
        }
        if (token != null && mock == null) {
            step.event(b, "TaskSubmitted", resourceDetails(resource).put("output", Json.write(result)));
            if (callback != null) {
                step.flush();
                callback.run();
            }
            return;
        }
        if (timeout != null && in.clock.millis() - started > timeout * 1000) {
            timedOut(step, b, s, ErrorNames.TIMEOUT);
            return;
        }
        if (mock == null && resource.kind() == TaskResource.Kind.LAMBDA_INVOKE) {
            result = LambdaResponse.of(step.x.arn, step.events.isEmpty() ? b.lastEventId : step.events.get(0).id(), result);
        }
        succeeded(step, b, s, result);
    }

    /** The task's work is done with {@code result}: record it, then shape the state output. */
    void succeeded(Step step, Branch b, State.Task s, JsonNode result) {
        String resultJson;
        try {
            resultJson = Payloads.checked(s.name(), "result", result);
        } catch (StateFailure f) {
            clear(b);
            in.fail(step, b, s, f.error(), f.cause());
            return;
        }
        step.event(b, (s.resource().kind() == TaskResource.Kind.FUNCTION ? "LambdaFunction" : "Task") + "Succeeded",
                resourceDetails(s.resource()).put("output", resultJson));
        clear(b);
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        try {
            JsonNode selected = s.resultSelector() == null ? result : s.resultSelector().apply(result, context);
            in.complete(step, b, s, s.outputPath().apply(s.resultPath().apply(b.input, selected), context));
        } catch (StateFailure f) {
            in.fail(step, b, s, f.error(), f.cause());
        }
    }

    void taskFailed(Step step, Branch b, State.Task s, String error, String cause) {
        ObjectNode details = resourceDetails(s.resource());
        details.setAll(Events.error(error, cause));
        step.event(b, (s.resource().kind() == TaskResource.Kind.FUNCTION ? "LambdaFunction" : "Task") + "Failed", details);
        clear(b);
        in.fail(step, b, s, error, cause);
    }

    void timedOut(Step step, Branch b, State.Task s, String error) {
        ObjectNode details = resourceDetails(s.resource());
        details.put("error", error);
        step.event(b, (s.resource().kind() == TaskResource.Kind.FUNCTION ? "LambdaFunction" : "Task") + "TimedOut", details);
        clear(b);
        in.fail(step, b, s, error, null);
    }

    private static void clear(Branch b) {
        b.token = null;
        b.due = 0;
        b.heartbeatDue = 0;
        b.heartbeatSeconds = 0;
        b.timerSeq = 0;
    }

    private JsonNode invoke(TaskResource resource, JsonNode parameters) {
        switch (resource.kind()) {
            case LAMBDA_INVOKE: {
                JsonNode name = parameters.get("FunctionName");
                if (name == null || !name.isTextual()) {
                    throw new TaskFailedException("States.Runtime", "lambda:invoke needs a FunctionName string");
                }
                TaskHandler handler = registry.find(name.textValue()).orElseThrow(() -> new TaskFailedException(
                        "Lambda.ResourceNotFoundException", "Function not found: " + name.textValue()));
                JsonNode payload = parameters.get("Payload");
                return handler.handle(payload == null ? Json.object() : payload);
            }
            case SERVICE_INTEGRATION:
                return registry.find(resource.handlerKey()).orElseThrow(() -> new TaskFailedException(
                        ErrorNames.TASK_FAILED, "no task handler is registered for " + resource.handlerKey()))
                        .handle(parameters);
            default:
                TaskHandler handler = registry.find(resource.arn())
                        .or(() -> registry.find(resource.functionName()))
                        .orElseThrow(() -> new TaskFailedException("Lambda.ResourceNotFoundException",
                                "Function not found: " + resource.arn()));
                return handler.handle(parameters);
        }
    }

    private static Long seconds(State.Seconds seconds, String field, JsonNode effective, Supplier<JsonNode> context) {
        if (seconds == null) {
            return null;
        }
        if (seconds.value() != null) {
            return seconds.value();
        }
        JsonNode value = seconds.path().select(effective, context);
        if (value == null || !value.isNumber() || !JsonValues.isIntegral(value) || value.longValue() <= 0) {
            throw StateFailure.runtime("The " + field + " " + seconds.path().text()
                    + " does not reference a positive integer: " + (value == null ? "nothing" : Json.write(value)));
        }
        return value.longValue();
    }

    private static ObjectNode scheduled(TaskResource resource, String parametersJson, Long timeout, Long heartbeat,
                                        String region) {
        ObjectNode details = resourceDetails(resource);
        if (resource.kind() == TaskResource.Kind.FUNCTION) {
            details.put("input", parametersJson);
        } else {
            details.put("region", region).put("parameters", parametersJson);
        }
        if (timeout != null) {
            details.put("timeoutInSeconds", timeout);
        }
        if (heartbeat != null) {
            details.put("heartbeatInSeconds", heartbeat);
        }
        return details;
    }

    static ObjectNode resourceDetails(TaskResource resource) {
        ObjectNode details = Json.object();
        if (resource.resourceType() != null) {
            details.put("resourceType", resource.resourceType());
        }
        details.put("resource", resource.resourceName());
        return details;
    }
}
