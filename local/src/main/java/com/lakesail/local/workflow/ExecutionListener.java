package com.lakesail.local.workflow;

import com.lakesail.backend.port.Workflows;

/**
 * Told when an execution reaches a terminal status, after it is persisted: the local counterpart of
 * an EventBridge rule on Step Functions "Execution Status Change" events. Called on the engine's
 * thread that ended the execution; a listener that throws is logged and does not disturb the engine.
 */
@FunctionalInterface
public interface ExecutionListener {
    void executionEnded(Workflows.Execution execution);
}
