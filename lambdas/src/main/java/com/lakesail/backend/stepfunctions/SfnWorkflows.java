package com.lakesail.backend.stepfunctions;

import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.WorkflowException;
import com.lakesail.backend.port.Workflows;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * {@link Workflows} over AWS Step Functions. State machines are named as in {@code statemachines/}
 * and mapped to the ARNs the stack deployed.
 *
 * <p>Execution names are deterministic, so a second start of the same name is answered by Step
 * Functions with {@code ExecutionAlreadyExists}; that is the idempotent case, and the existing
 * execution's ARN (derived from the state machine ARN and the name) is returned.
 */
public final class SfnWorkflows implements Workflows {
    private final Supplier<SfnClient> client;
    private final Map<String, String> stateMachineArns;

    /**
     * @param stateMachineArns state machine name → ARN, e.g. {@code cluster-provision → arn:aws:states:...}
     */
    public SfnWorkflows(SfnClient sfn, Map<String, String> stateMachineArns) {
        this(() -> sfn, stateMachineArns);
    }

    /** @param client asked on each call and first on the first one (the API function builds its client lazily) */
    public SfnWorkflows(Supplier<SfnClient> client, Map<String, String> stateMachineArns) {
        this.client = client;
        this.stateMachineArns = Map.copyOf(stateMachineArns);
    }

    private SfnClient sfn() {
        return client.get();
    }

    @Override
    public String start(String stateMachine, String executionName, String inputJson) {
        String arn = stateMachineArn(stateMachine);
        try {
            return sfn().startExecution(r -> r.stateMachineArn(arn).name(executionName).input(inputJson)).executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            return executionArn(arn, executionName);
        } catch (StateMachineDoesNotExistException e) {
            throw new WorkflowException("state machine " + stateMachine + " (" + arn + ") does not exist", e);
        }
    }

    @Override
    public void sendTaskSuccess(String taskToken, String outputJson) {
        try {
            sfn().sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson));
        } catch (TaskDoesNotExistException | InvalidTokenException | TaskTimedOutException e) {
            throw rejected(e);
        }
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        try {
            sfn().sendTaskFailure(r -> r.taskToken(taskToken).error(error).cause(cause));
        } catch (TaskDoesNotExistException | InvalidTokenException | TaskTimedOutException e) {
            throw rejected(e);
        }
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
        try {
            sfn().sendTaskHeartbeat(r -> r.taskToken(taskToken));
        } catch (TaskDoesNotExistException | InvalidTokenException | TaskTimedOutException e) {
            throw rejected(e);
        }
    }

    @Override
    public void stop(String executionId, String error, String cause) {
        try {
            sfn().stopExecution(r -> r.executionArn(executionId).error(error).cause(cause));
        } catch (ExecutionDoesNotExistException | InvalidArnException e) {
            throw new WorkflowException("execution " + executionId + " does not exist", e);
        }
    }

    @Override
    public Optional<Execution> describe(String executionId) {
        DescribeExecutionResponse d;
        try {
            d = sfn().describeExecution(r -> r.executionArn(executionId));
        } catch (ExecutionDoesNotExistException e) {
            return Optional.empty();
        }
        return Optional.of(new Execution(d.executionArn(), lastSegment(d.stateMachineArn()), d.name(),
                status(d), d.input(), d.output(), d.error(), d.cause(), d.startDate(), d.stopDate()));
    }

    private String stateMachineArn(String stateMachine) {
        String arn = stateMachineArns.get(stateMachine);
        if (arn == null) {
            throw new WorkflowException("no state machine named " + stateMachine + " is configured");
        }
        return arn;
    }

    /** arn:aws:states:region:account:stateMachine:name → arn:aws:states:region:account:execution:name:executionName */
    static String executionArn(String stateMachineArn, String executionName) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + executionName;
    }

    private static String lastSegment(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf(':') + 1);
    }

    private static Status status(DescribeExecutionResponse d) {
        return switch (d.status()) {
            case RUNNING -> Status.RUNNING;
            case SUCCEEDED -> Status.SUCCEEDED;
            case TIMED_OUT -> Status.TIMED_OUT;
            case ABORTED -> Status.ABORTED;
            // A failed execution awaiting redrive has failed as far as the lifecycle is concerned.
            case FAILED, PENDING_REDRIVE -> Status.FAILED;
            default -> throw new WorkflowException("unknown execution status " + d.statusAsString());
        };
    }

    private static TaskTokenException rejected(SfnException e) {
        return new TaskTokenException(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage(), e);
    }
}
