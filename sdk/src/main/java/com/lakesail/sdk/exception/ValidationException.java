package com.lakesail.sdk.exception;

/** 400 {@code ValidationError}: the request is malformed or a field is invalid; {@link #details()} names the fields. */
public class ValidationException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    public ValidationException(ServiceError error) {
        super(error);
    }
}
