package com.lakesail.backend.agent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * EKS bearer tokens, as {@code aws eks get-token} makes them: a presigned STS GetCallerIdentity
 * URL bound to the cluster by the signed {@code x-k8s-aws-id} header, base64url-encoded behind
 * {@code k8s-aws-v1.}. EKS maps the caller's IAM identity (the agent's role) to its access entry.
 * Signing is local: the agent calls no AWS API for it.
 */
final class EksTokens {
    static final String PREFIX = "k8s-aws-v1.";
    /** What the AWS CLI uses; EKS accepts such a token for about 15 minutes after signing. */
    static final Duration PRESIGN_EXPIRY = Duration.ofSeconds(60);

    private EksTokens() {
    }

    static String token(AwsCredentialsIdentity credentials, String region, String clusterName, Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("https://sts." + region + ".amazonaws.com/"))
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .putHeader("x-k8s-aws-id", clusterName)
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .request(request)
                .identity(credentials)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, PRESIGN_EXPIRY)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signed.getUri().toString().getBytes(StandardCharsets.UTF_8));
    }
}
