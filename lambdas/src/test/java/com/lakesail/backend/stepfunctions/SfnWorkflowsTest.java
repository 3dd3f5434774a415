package com.lakesail.backend.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.WorkflowException;
import com.lakesail.backend.port.Workflows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StopExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

class SfnWorkflowsTest {
    private static final String SM_ARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:cluster-provision";
    private static final String EXEC_ARN = "arn:aws:states:eu-west-1:111122223333:execution:cluster-provision:c1-create-1";

    private final FakeSfn sfn = new FakeSfn();
    private final SfnWorkflows workflows = new SfnWorkflows(sfn, Map.of("cluster-provision", SM_ARN));

    @Test
    void start_whenNew_startsExecutionWithDeterministicName() {
        String id = workflows.start("cluster-provision", "c1-create-1", "{\"clusterId\":\"c1\"}");

        assertEquals(EXEC_ARN, id);
        StartExecutionRequest request = (StartExecutionRequest) sfn.requests.get(0);
        assertEquals(SM_ARN, request.stateMachineArn());
        assertEquals("c1-create-1", request.name());
        assertEquals("{\"clusterId\":\"c1\"}", request.input());
    }

    @Test
    void start_whenNameAlreadyExists_returnsExistingExecution() {
        sfn.alreadyExists = true;

        assertEquals(EXEC_ARN, workflows.start("cluster-provision", "c1-create-1", "{}"));
    }

    @Test
    void start_whenStateMachineUnknown_throwsWorkflowException() {
        assertThrows(WorkflowException.class, () -> workflows.start("nope", "x", "{}"));
        assertTrue(sfn.requests.isEmpty());
    }

    @Test
    void sendTaskSignals_passTokenOutputAndError() {
        workflows.sendTaskSuccess("tok", "{\"ok\":true}");
        workflows.sendTaskFailure("tok", "Boom", "it broke");
        workflows.sendTaskHeartbeat("tok");

        SendTaskSuccessRequest success = (SendTaskSuccessRequest) sfn.requests.get(0);
        SendTaskFailureRequest failure = (SendTaskFailureRequest) sfn.requests.get(1);
        SendTaskHeartbeatRequest heartbeat = (SendTaskHeartbeatRequest) sfn.requests.get(2);
        assertEquals("{\"ok\":true}", success.output());
        assertEquals("Boom", failure.error());
        assertEquals("it broke", failure.cause());
        assertEquals("tok", heartbeat.taskToken());
    }

    @Test
    void sendTaskSuccess_whenTaskTimedOut_throwsTaskTokenException() {
        sfn.tokenTimedOut = true;

        assertThrows(TaskTokenException.class, () -> workflows.sendTaskSuccess("tok", "{}"));
    }

    @Test
    void stop_passesErrorAndCause() {
        workflows.stop(EXEC_ARN, "Cancelled", "user asked");

        StopExecutionRequest request = (StopExecutionRequest) sfn.requests.get(0);
        assertEquals(EXEC_ARN, request.executionArn());
        assertEquals("Cancelled", request.error());
        assertEquals("user asked", request.cause());
    }

    @Test
    void describe_mapsStatusAndResult() {
        Workflows.Execution e = workflows.describe(EXEC_ARN).orElseThrow();

        assertEquals(Workflows.Status.FAILED, e.status());
        assertEquals("cluster-provision", e.stateMachine());
        assertEquals("c1-create-1", e.name());
        assertEquals("Stack.Failed", e.error());
        assertEquals(Instant.ofEpochSecond(100), e.startedAt());
    }

    @Test
    void describe_whenExecutionUnknown_returnsEmpty() {
        assertTrue(workflows.describe(EXEC_ARN + "-missing").isEmpty());
    }

    /** SfnClient is an interface: this fake records requests and answers like Step Functions. */
    private static final class FakeSfn implements SfnClient {
        final List<Object> requests = new ArrayList<>();
        boolean alreadyExists;
        boolean tokenTimedOut;

        @Override
        public StartExecutionResponse startExecution(StartExecutionRequest request) {
            requests.add(request);
            if (alreadyExists) {
                throw ExecutionAlreadyExistsException.builder().message("Execution Already Exists").build();
            }
            return StartExecutionResponse.builder()
                    .executionArn(SfnWorkflows.executionArn(request.stateMachineArn(), request.name()))
                    .startDate(Instant.ofEpochSecond(100)).build();
        }

        @Override
        public SendTaskSuccessResponse sendTaskSuccess(SendTaskSuccessRequest request) {
            requests.add(request);
            if (tokenTimedOut) {
                throw TaskTimedOutException.builder().message("Task Timed Out").build();
            }
            return SendTaskSuccessResponse.builder().build();
        }

        @Override
        public SendTaskFailureResponse sendTaskFailure(SendTaskFailureRequest request) {
            requests.add(request);
            return SendTaskFailureResponse.builder().build();
        }

        @Override
        public SendTaskHeartbeatResponse sendTaskHeartbeat(SendTaskHeartbeatRequest request) {
            requests.add(request);
            return SendTaskHeartbeatResponse.builder().build();
        }

        @Override
        public StopExecutionResponse stopExecution(StopExecutionRequest request) {
            requests.add(request);
            return StopExecutionResponse.builder().stopDate(Instant.ofEpochSecond(200)).build();
        }

        @Override
        public DescribeExecutionResponse describeExecution(DescribeExecutionRequest request) {
            if (!request.executionArn().equals(EXEC_ARN)) {
                throw ExecutionDoesNotExistException.builder().message("Execution Does Not Exist").build();
            }
            return DescribeExecutionResponse.builder().executionArn(EXEC_ARN).stateMachineArn(SM_ARN)
                    .name("c1-create-1").status(ExecutionStatus.FAILED).input("{}")
                    .error("Stack.Failed").cause("rollback").startDate(Instant.ofEpochSecond(100))
                    .stopDate(Instant.ofEpochSecond(160)).build();
        }

        @Override
        public String serviceName() {
            return "states";
        }

        @Override
        public void close() {
        }
    }
}
