package com.lakesail.sdk.exception;

/** 401 {@code Unauthenticated}: the token is missing, wrong, expired or revoked. */
public class UnauthenticatedException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(ServiceError error) {
        super(error);
    }
}
