package com.lakesail.local.workflow;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps task resources to in-process handlers. A {@code lambda:invoke} task is looked up by its
 * {@code FunctionName} (a name, or an ARN whose function name is registered), a function ARN
 * resource by the ARN or its function name, another integration by its
 * {@code arn:aws:states:::service:action}.
 *
 * <p>A handler registered for a state name ({@link #mockState}) replaces the whole service call of
 * that Task state: its output is the task's result as is (not wrapped in Lambda's Invoke response),
 * and for a {@code .waitForTaskToken} state it is the callback's output. The command-line runner
 * uses this for Step Functions Local mock configurations.
 */
public final class TaskRegistry {
    private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, TaskHandler> stateMocks = new ConcurrentHashMap<>();

    public TaskRegistry register(String nameOrArn, TaskHandler handler) {
        handlers.put(nameOrArn, handler);
        return this;
    }

    public TaskRegistry mockState(String stateName, TaskHandler handler) {
        stateMocks.put(stateName, handler);
        return this;
    }

    /** The handler for a function name or ARN (also tried by the ARN's function name). */
    public Optional<TaskHandler> find(String nameOrArn) {
        TaskHandler handler = handlers.get(nameOrArn);
        if (handler == null && nameOrArn.startsWith("arn:")) {
            String[] parts = nameOrArn.split(":");
            if (parts.length >= 7 && parts[5].equals("function")) {
                handler = handlers.get(parts[6]);
            }
        }
        return Optional.ofNullable(handler);
    }

    public Optional<TaskHandler> stateMock(String stateName) {
        return Optional.ofNullable(stateMocks.get(stateName));
    }
}
