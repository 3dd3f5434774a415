package com.lakesail.sdk.exception;

/** 413 {@code PayloadTooLarge}: the request body is over the service's limit (64 KiB); it was not read. */
public class PayloadTooLargeException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(ServiceError error) {
        super(error);
    }
}
