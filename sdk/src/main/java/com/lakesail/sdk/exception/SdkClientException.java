package com.lakesail.sdk.exception;

/**
 * A failure on the client side: the service gave no usable answer (the response could not be
 * read, the thread was interrupted, the client is closed, the local backend file is missing).
 */
public class SdkClientException extends SdkException {
    private static final long serialVersionUID = 1L;

    public SdkClientException(String message) {
        super(message);
    }

    public SdkClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
