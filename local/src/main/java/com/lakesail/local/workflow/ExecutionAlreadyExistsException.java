package com.lakesail.local.workflow;

import com.lakesail.backend.port.WorkflowException;

/** StartExecution with a name already used for another input, or by a finished execution. */
public class ExecutionAlreadyExistsException extends WorkflowException {
    public ExecutionAlreadyExistsException(String message) {
        super(message);
    }
}
