package com.lakesail.backend.port;

/**
 * The role could not be assumed, or it is not the role it claims to be: a verification failure
 * for the account, never retried.
 */
public class CloudAccessDeniedException extends CloudProviderException {
    public CloudAccessDeniedException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
