package com.lakesail.sdk.exception;

/** 409 {@code Conflict}: the resource is in the wrong state, the expected version is stale, the name is taken or dependents exist. */
public class ConflictException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ServiceError error) {
        super(error);
    }
}
