package com.lakesail.backend.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * {@link AccountClients} over one shared HTTP client. A client built on a shared HTTP client does
 * not close it, so closing each per-call client is cheap and leaks nothing.
 */
public final class SdkAccountClients implements AccountClients {
    private final SdkHttpClient http;
    private final ClientOverrideConfiguration overrides;

    public SdkAccountClients(SdkHttpClient http, ClientOverrideConfiguration overrides) {
        this.http = http;
        this.overrides = overrides;
    }

    @Override
    public CloudFormationClient cloudFormation(AwsCredentialsProvider credentials, Region region) {
        return CloudFormationClient.builder().httpClient(http).overrideConfiguration(overrides)
                .credentialsProvider(credentials).region(region).build();
    }

    @Override
    public EksClient eks(AwsCredentialsProvider credentials, Region region) {
        return EksClient.builder().httpClient(http).overrideConfiguration(overrides)
                .credentialsProvider(credentials).region(region).build();
    }
}
