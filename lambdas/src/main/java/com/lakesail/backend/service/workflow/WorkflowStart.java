package com.lakesail.backend.service.workflow;

import java.util.Objects;

/**
 * The workflow execution a state change asks for: which state machine, under which deterministic
 * name (so starting it twice starts it once), with which input. The name also identifies the
 * operation in the outbox and in {@code ExecutionFailures}: {@code <resourceId>-<operation>-<generation>}.
 *
 * @param orgId the tenant whose change it is; the outbox entry lives in its partition
 */
public record WorkflowStart(String orgId, String stateMachine, String executionName, String input) {
    public WorkflowStart {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(stateMachine, "stateMachine");
        Objects.requireNonNull(executionName, "executionName");
        Objects.requireNonNull(input, "input");
    }
}
