package com.lakesail.sdk.exception;

/**
 * Root of every exception the SDK throws. All are unchecked: catch {@code SdkException} to handle
 * any SDK failure, {@link LakeSailException} for errors the service answered, or
 * {@link SdkClientException} for failures on this side of the wire.
 */
public class SdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SdkException(String message) {
        super(message);
    }

    public SdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
