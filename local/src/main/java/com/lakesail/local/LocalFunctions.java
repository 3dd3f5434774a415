package com.lakesail.local;

import com.lakesail.backend.service.ExecutionEnded;
import com.lakesail.backend.tasks.TaskDispatcher;
import com.lakesail.backend.tasks.TaskException;
import com.lakesail.local.workflow.TaskFailedException;
import com.lakesail.local.workflow.WorkflowEngine;

/**
 * The template's Lambda functions that the workflows use, in process: {@code TaskFunction} in the
 * engine's task registry (its errors keep the names the state machines match), and
 * {@code EventsFunction} as the engine's execution listener, the local EventBridge rule.
 */
final class LocalFunctions {
    /** The logical id of the task function in template.yaml, which the state machines' substitutions name. */
    static final String TASK_FUNCTION = "TaskFunction";

    private LocalFunctions() {
    }

    static void register(WorkflowEngine engine, TaskDispatcher tasks, ExecutionEnded failures) {
        engine.tasks().register(TASK_FUNCTION, payload -> {
            try {
                return tasks.dispatch(payload);
            } catch (TaskException e) {
                throw new TaskFailedException(e.errorName(), e.getMessage());
            }
        });
        engine.onExecutionEnd(execution -> failures.executionEnded(execution.name(), execution.status().name(),
                execution.input(), execution.error(), execution.cause(), execution.stoppedAt()));
    }
}
