package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/** One named workflow task; idempotent, because Step Functions retries. */
@FunctionalInterface
public interface Task {
    /** @return the Lambda payload the state machine reads (its ResultSelector picks fields) */
    JsonNode run(TaskInput input);
}
