package com.lakesail.backend.aws;

import com.lakesail.backend.port.CloudProviderException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** SDK exceptions as port exceptions: retryable when waiting could help, with the service's own words. */
final class AwsErrors {
    private AwsErrors() {
    }

    static CloudProviderException map(String action, SdkException e) {
        return new CloudProviderException(action + ": " + message(e), retryable(e), e);
    }

    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        // Timeouts, connection resets, DNS: the request may not have arrived at all.
        return e instanceof SdkClientException;
    }

    /** The HTTP status AWS answered with, or 0 when there was no answer. */
    static int status(SdkException e) {
        return e instanceof AwsServiceException s ? s.statusCode() : 0;
    }

    static String code(SdkException e) {
        return e instanceof AwsServiceException s && s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : null;
    }

    static String message(SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null) {
            return s.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
