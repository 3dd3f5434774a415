package com.lakesail.backend.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts and signals the lifecycle workflows (DESIGN §4). Step Functions in AWS, the local ASL
 * engine in the embedded backend.
 *
 * <p>Execution names are deterministic (resource id + operation + generation), so {@link #start} is
 * idempotent: starting a name that already exists returns the existing execution's id.
 *
 * <pre>{@code
 * String id = workflows.start("cluster-provision", clusterId + "-create-1", "{\"clusterId\":\"...\"}");
 * workflows.sendTaskSuccess(token, "{\"ready\":true}");
 * }</pre>
 */
public interface Workflows {

    /**
     * Starts an execution of a state machine, or finds the one already started under this name.
     *
     * @return the execution id (an execution ARN)
     * @throws WorkflowException when the state machine does not exist
     */
    String start(String stateMachine, String executionName, String inputJson);

    /** Completes the task waiting on {@code taskToken} with a JSON output. */
    void sendTaskSuccess(String taskToken, String outputJson);

    /** Fails the task waiting on {@code taskToken}; its Retry and Catch fields then apply. */
    void sendTaskFailure(String taskToken, String error, String cause);

    /** Tells the task waiting on {@code taskToken} that its worker is alive (HeartbeatSeconds). */
    void sendTaskHeartbeat(String taskToken);

    /** Aborts a running execution; stopping a finished execution changes nothing. */
    void stop(String executionId, String error, String cause);

    /** The execution's status and result, or empty when no such execution exists. */
    Optional<Execution> describe(String executionId);

    /** Execution status, as Step Functions names it. */
    enum Status {
        RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

        public boolean isTerminal() {
            return this != RUNNING;
        }
    }

    /**
     * A snapshot of one execution.
     *
     * @param id        the execution ARN
     * @param output    the JSON output when {@link Status#SUCCEEDED}, else null
     * @param error     the error name when failed, timed out or aborted with one, else null
     * @param cause     the error cause, or null
     * @param stoppedAt null while running
     */
    record Execution(String id, String stateMachine, String name, Status status, String input,
                     String output, String error, String cause, Instant startedAt, Instant stoppedAt) {
        public Execution {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
        }
    }
}
