package com.lakesail.backend.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Builds clients that act in a customer account with an assumed role's credentials. The caller
 * closes them; tests hand in fakes.
 */
public interface AccountClients {

    CloudFormationClient cloudFormation(AwsCredentialsProvider credentials, Region region);

    /** For invoking the cluster's agent, which may take as long as its own timeout to answer. */
    LambdaClient lambda(AwsCredentialsProvider credentials, Region region);
}
