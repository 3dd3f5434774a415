package com.lakesail.backend.aws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Lambda's Invoke as documented for a synchronous call (RequestResponse): 200 with the function's
 * answer as the payload; 200 with {@code X-Amz-Function-Error: Unhandled} and the runtime's error
 * document when the function throws (or times out); 404 {@code ResourceNotFoundException} for an
 * unknown function; 413 {@code RequestTooLargeException} above the 6 MB request limit; 403
 * {@code AccessDeniedException} when the caller's policy does not allow {@code lambda:InvokeFunction};
 * 429 {@code TooManyRequestsException} when throttled. Functions are handlers the test plants (such
 * as the real agent, in-process).
 */
final class FakeLambda implements LambdaClient {
    static final int MAX_PAYLOAD = 6 * 1024 * 1024;

    final Map<String, UnaryOperator<byte[]>> functions = new HashMap<>();
    final List<InvokeRequest> requests = new ArrayList<>();
    final List<Region> regions = new ArrayList<>();
    final List<AwsCredentialsProvider> credentials = new ArrayList<>();
    /** Thrown by the next invocations, as the service would answer them. */
    SdkException failure;
    int closed;

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        requests.add(request);
        if (failure != null) {
            throw failure;
        }
        if (request.invocationType() != InvocationType.REQUEST_RESPONSE) {
            throw new AssertionError("the agent is invoked synchronously: " + request.invocationTypeAsString());
        }
        byte[] payload = request.payload().asByteArray();
        if (payload.length > MAX_PAYLOAD) {
            throw (RequestTooLargeException) RequestTooLargeException.builder().statusCode(413)
                    .awsErrorDetails(details("RequestTooLargeException", "Request must be smaller than 6291456 bytes for the"
                            + " InvokeFunction operation")).build();
        }
        UnaryOperator<byte[]> function = functions.get(request.functionName());
        if (function == null) {
            throw (ResourceNotFoundException) ResourceNotFoundException.builder().statusCode(404)
                    .awsErrorDetails(details("ResourceNotFoundException", "Function not found: arn:aws:lambda:"
                            + regions.get(regions.size() - 1).id() + ":111122223333:function:" + request.functionName())).build();
        }
        try {
            return InvokeResponse.builder().statusCode(200).executedVersion("$LATEST")
                    .payload(SdkBytes.fromByteArray(function.apply(payload))).build();
        } catch (RuntimeException crash) {
            String error = "{\"errorMessage\":\"" + crash.getMessage() + "\",\"errorType\":\"" + crash.getClass().getName()
                    + "\",\"stackTrace\":[]}";
            return InvokeResponse.builder().statusCode(200).executedVersion("$LATEST").functionError("Unhandled")
                    .payload(SdkBytes.fromString(error, StandardCharsets.UTF_8)).build();
        }
    }

    static LambdaException accessDenied(String function) {
        return (LambdaException) LambdaException.builder().statusCode(403).awsErrorDetails(details("AccessDeniedException",
                "User: arn:aws:sts::111122223333:assumed-role/lakesail-cac-1/lakesail-control-plane is not authorized to perform:"
                        + " lambda:InvokeFunction on resource: arn:aws:lambda:eu-west-1:111122223333:function:" + function
                        + " because no identity-based policy allows the lambda:InvokeFunction action")).build();
    }

    static TooManyRequestsException throttled() {
        return (TooManyRequestsException) TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(details("TooManyRequestsException", "Rate Exceeded.")).build();
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Lambda").build();
    }

    @Override
    public String serviceName() {
        return "lambda";
    }

    @Override
    public void close() {
        closed++;
    }
}
