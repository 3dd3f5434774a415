package com.lakesail.sdk.exception;

/** 5xx {@code InternalError}: the service failed; it was retried as the retry policy allows. */
public class InternalErrorException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    public InternalErrorException(ServiceError error) {
        super(error);
    }
}
