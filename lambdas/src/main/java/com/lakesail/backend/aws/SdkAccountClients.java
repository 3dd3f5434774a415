package com.lakesail.backend.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@link AccountClients} over shared HTTP clients. A client built on a shared HTTP client does not
 * close it, so closing each per-call client is cheap and leaks nothing.
 */
public final class SdkAccountClients implements AccountClients {
    private final SdkHttpClient http;
    private final ClientOverrideConfiguration overrides;
    private final SdkHttpClient invocations;
    private final ClientOverrideConfiguration invocationOverrides;

    /**
     * @param invocations         an HTTP client whose socket timeout outlasts the agent's own timeout
     * @param invocationOverrides the agent's invocations: one attempt's timeout above the agent's, no retry
     *                            (the workflow retries a stage, with backoff)
     */
    public SdkAccountClients(SdkHttpClient http, ClientOverrideConfiguration overrides, SdkHttpClient invocations,
                             ClientOverrideConfiguration invocationOverrides) {
        this.http = http;
        this.overrides = overrides;
        this.invocations = invocations;
        this.invocationOverrides = invocationOverrides;
    }

    @Override
    public CloudFormationClient cloudFormation(AwsCredentialsProvider credentials, Region region) {
        return CloudFormationClient.builder().httpClient(http).overrideConfiguration(overrides)
                .credentialsProvider(credentials).region(region).build();
    }

    @Override
    public LambdaClient lambda(AwsCredentialsProvider credentials, Region region) {
        return LambdaClient.builder().httpClient(invocations).overrideConfiguration(invocationOverrides)
                .credentialsProvider(credentials).region(region).build();
    }
}
