package com.lakesail.local.workflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowRunnerTest {
    private static final String PROVISION = """
            {"StartAt": "CreateStack", "States": {
              "CreateStack": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "${TaskFunctionArn}", "Payload": {"task": "stack.create", "id.$": "$.id"}},
                "ResultSelector": {"stackId.$": "$.Payload.stackId"}, "ResultPath": "$.stack",
                "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 30, "MaxAttempts": 3}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Failed"}],
                "Next": "Settle"},
              "Settle": {"Type": "Wait", "Seconds": 3600, "End": true},
              "Failed": {"Type": "Fail", "ErrorPath": "$.failure.Error", "CausePath": "$.failure.Cause"}}}
            """;
    private static final String MOCKS = """
            {"StateMachines": {"Provision": {"TestCases": {
                "RetryThenSucceed": {"CreateStack": "BusyThenCreated"},
                "Broken": {"CreateStack": "Denied"}}}},
             "MockedResponses": {
                "BusyThenCreated": {"0": {"Throw": {"Error": "Busy", "Cause": "rate limited"}},
                                    "1-2": {"Return": {"StatusCode": 200, "Payload": {"stackId": "stack-1"}}}},
                "Denied": {"0": {"Throw": {"Error": "AccessDenied", "Cause": "no role"}}}}}
            """;

    @TempDir
    Path dir;

    @Test
    void run_withMockConfig_answersEachAttemptAndSkipsWaits() throws IOException {
        Result r = run(write("provision.json", PROVISION), "--input", "{\"id\":\"c1\"}", "--mock-config",
                write("mocks.json", MOCKS), "--test-case", "RetryThenSucceed", "--history");

        assertEquals(WorkflowRunner.SUCCEEDED, r.status(), r.err());
        JsonNode report = Json.parse(r.out());
        assertEquals("SUCCEEDED", report.get("status").asText());
        assertEquals(Json.parse("{\"id\":\"c1\",\"stack\":{\"stackId\":\"stack-1\"}}"), report.get("output"));
        List<String> types = new ArrayList<>();
        report.get("history").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed",
                "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "WaitStateEntered", "WaitStateExited",
                "ExecutionSucceeded"), types);
    }

    @Test
    void run_whenExecutionFails_printsErrorAndCause() throws IOException {
        Result r = run(write("provision.json", PROVISION), "--mock-config", write("mocks.json", MOCKS),
                "--state-machine", "Provision", "--test-case", "Broken", "--input", "{\"id\":\"c1\"}");

        assertEquals(WorkflowRunner.FAILED, r.status());
        assertEquals(Json.parse("{\"error\":\"AccessDenied\",\"cause\":\"no role\"}"), Json.parse(r.out()));
    }

    @Test
    void run_withSubstitution_callsNoHandlerAndReportsIt() throws IOException {
        Result r = run(write("provision.json", PROVISION), "--substitute", "TaskFunctionArn=lakesail-tasks",
                "--input", "{\"id\":\"c1\"}");

        assertEquals(WorkflowRunner.FAILED, r.status());
        JsonNode error = Json.parse(r.out());
        assertEquals("Lambda.ResourceNotFoundException", error.get("error").asText());
        assertTrue(error.get("cause").asText().contains("lakesail-tasks"), r.out());
    }

    @Test
    void run_whenDefinitionInvalid_namesTheState() throws IOException {
        Result r = run(write("bad.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\"}}}"));

        assertEquals(WorkflowRunner.USAGE, r.status());
        assertTrue(r.err().contains("State 'A'"), r.err());
    }

    @Test
    void run_withoutDefinition_printsUsage() {
        Result r = run();

        assertEquals(WorkflowRunner.USAGE, r.status());
        assertTrue(r.err().contains("usage:"), r.err());
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = WorkflowRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
