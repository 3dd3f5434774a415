package com.lakesail.backend.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.CreateStackResponse;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackRequest;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackResponse;

/** CloudFormation over a map of stacks; the test sets statuses and events, this records requests. */
final class FakeCloudFormation implements CloudFormationClient {
    final List<Object> requests = new ArrayList<>();
    final Map<String, Stack> stacks = new HashMap<>();
    final List<StackEvent> events = new ArrayList<>();
    /** The region and credentials the adapter built this client with. */
    Region region;
    AwsCredentialsProvider credentials;
    AwsServiceException failure;
    /** Thrown by describeStacks: a network failure is not a service error. */
    SdkException describeFailure;
    int closed;

    static String stackId(String name) {
        return "arn:aws:cloudformation:eu-west-1:111122223333:stack/" + name + "/0f1e2d3c";
    }

    @Override
    public CreateStackResponse createStack(CreateStackRequest request) {
        requests.add(request);
        fail();
        if (stacks.containsKey(request.stackName())) {
            throw AlreadyExistsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("AlreadyExistsException").errorMessage("Stack [" + request.stackName() + "] already exists").build()).build();
        }
        stacks.put(request.stackName(), Stack.builder().stackName(request.stackName()).stackId(stackId(request.stackName()))
                .stackStatus("CREATE_IN_PROGRESS").build());
        return CreateStackResponse.builder().stackId(stackId(request.stackName())).build();
    }

    @Override
    public UpdateStackResponse updateStack(UpdateStackRequest request) {
        requests.add(request);
        fail();
        return UpdateStackResponse.builder().stackId(stackId(request.stackName())).build();
    }

    @Override
    public DeleteStackResponse deleteStack(DeleteStackRequest request) {
        requests.add(request);
        fail();
        return DeleteStackResponse.builder().build();
    }

    @Override
    public DescribeStacksResponse describeStacks(DescribeStacksRequest request) {
        requests.add(request);
        if (describeFailure != null) {
            throw describeFailure;
        }
        Stack stack = stacks.get(request.stackName());
        if (stack == null) {
            throw validationError("Stack with id " + request.stackName() + " does not exist");
        }
        return DescribeStacksResponse.builder().stacks(stack).build();
    }

    @Override
    public DescribeStackEventsResponse describeStackEvents(DescribeStackEventsRequest request) {
        requests.add(request);
        return DescribeStackEventsResponse.builder().stackEvents(events).build();
    }

    static CloudFormationException validationError(String message) {
        return (CloudFormationException) CloudFormationException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationError").errorMessage(message).build()).build();
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String serviceName() {
        return "cloudformation";
    }

    @Override
    public void close() {
        closed++;
    }
}
