package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.Workflows;
import com.lakesail.local.workflow.asl.StateMachineDefinition;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running execution in memory: its record, its live branches, the branches ready to run and
 * the next history event id. Everything here is guarded by {@link #lock}; one thread at a time
 * advances an execution, so its history is a sequence, as in Step Functions.
 */
final class ExecutionRuntime {
    final String arn;
    final String name;
    final String stateMachine;
    final String revision;
    final StateMachineDefinition definition;
    final JsonNode input;
    final long startedAt;
    final long timeoutAt;

    /** Volatile and written last, so {@link #describe()} needs no lock (a handler may hold it long). */
    volatile Workflows.Status status = Workflows.Status.RUNNING;
    JsonNode output;
    String error;
    String cause;
    long stoppedAt;
    long version;

    final ReentrantLock lock = new ReentrantLock();
    final Map<String, Branch> branches = new LinkedHashMap<>();
    final ArrayDeque<Branch> ready = new ArrayDeque<>();
    final AtomicBoolean queued = new AtomicBoolean();
    long nextEventId = 1;
    long timeoutTimerSeq;

    ExecutionRuntime(String arn, String name, String stateMachine, String revision, StateMachineDefinition definition,
                     JsonNode input, long startedAt, long timeoutAt) {
        this.arn = arn;
        this.name = name;
        this.stateMachine = stateMachine;
        this.revision = revision;
        this.definition = definition;
        this.input = input;
        this.startedAt = startedAt;
        this.timeoutAt = timeoutAt;
    }

    boolean running() {
        return status == Workflows.Status.RUNNING;
    }

    void finish(Workflows.Status status, JsonNode output, String error, String cause, long now) {
        this.output = output;
        this.error = error;
        this.cause = cause;
        this.stoppedAt = now;
        this.status = status;
    }

    /**
     * Whether a branch still belongs to the execution: the root, or a child whose parent is still
     * waiting on the children of the same state entry.
     */
    boolean isLive(Branch b) {
        if (b.isRoot()) {
            return branches.get(b.id) == b;
        }
        Branch parent = branches.get(b.parentId);
        return parent != null && parent.phase == Phase.CHILDREN && parent.childSpawn == b.spawn
                && branches.get(b.id) == b && isLive(parent);
    }

    Workflows.Execution describe() {
        Workflows.Status status = this.status;
        return new Workflows.Execution(arn, stateMachine, name, status,
                com.lakesail.local.workflow.data.Json.write(input),
                output == null ? null : com.lakesail.local.workflow.data.Json.write(output), error, cause,
                java.time.Instant.ofEpochMilli(startedAt), status.isTerminal() ? java.time.Instant.ofEpochMilli(stoppedAt) : null);
    }
}
