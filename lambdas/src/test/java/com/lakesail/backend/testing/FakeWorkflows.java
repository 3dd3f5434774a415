package com.lakesail.backend.testing;

import com.lakesail.backend.port.WorkflowException;
import com.lakesail.backend.port.Workflows;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step Functions as the outbox and reconciler see it: starts idempotent by name (as
 * StartExecution with a name already used), executions that a test ends, forgets or refuses to start.
 */
public final class FakeWorkflows implements Workflows {
    private final Clock clock;
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final List<String> startCalls = new ArrayList<>();
    private RuntimeException refusal;

    public FakeWorkflows(Clock clock) {
        this.clock = clock;
    }

    /** Every later start throws {@code e} (null: starts work again). */
    public synchronized void refuseStarts(RuntimeException e) {
        this.refusal = e;
    }

    /** The execution names of every start call, accepted or not, in order. */
    public synchronized List<String> startCalls() {
        return List.copyOf(startCalls);
    }

    public synchronized Optional<Execution> byName(String name) {
        return Optional.ofNullable(executions.get(name));
    }

    /** Ends the execution {@code name} with {@code status}, as Step Functions would on its own. */
    public synchronized void end(String name, Status status, String error) {
        Execution x = executions.get(name);
        executions.put(name, new Execution(x.id(), x.stateMachine(), name, status, x.input(), null, error, null,
                x.startedAt(), clock.instant()));
    }

    /** Drops the execution, as if it had never been created where the outbox recorded it. */
    public synchronized void forget(String name) {
        executions.remove(name);
    }

    @Override
    public synchronized String start(String stateMachine, String executionName, String inputJson) {
        startCalls.add(executionName);
        if (refusal != null) {
            throw refusal;
        }
        return executions.computeIfAbsent(executionName, n -> new Execution(arn(stateMachine, n), stateMachine, n,
                Status.RUNNING, inputJson, null, null, null, clock.instant(), null)).id();
    }

    @Override
    public synchronized Optional<Execution> describe(String executionId) {
        return executions.values().stream().filter(x -> x.id().equals(executionId)).findFirst();
    }

    @Override
    public void sendTaskSuccess(String taskToken, String outputJson) {
        throw new WorkflowException("no tasks here");
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        throw new WorkflowException("no tasks here");
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
        throw new WorkflowException("no tasks here");
    }

    @Override
    public void stop(String executionId, String error, String cause) {
        throw new WorkflowException("no stops here");
    }

    private static String arn(String stateMachine, String name) {
        return "arn:aws:states:us-east-1:123456789012:execution:" + stateMachine + ":" + name;
    }
}
