package com.lakesail.sdk.exception;

/** 403 {@code AccessDenied}: the caller is authenticated but lacks the permission. */
public class AccessDeniedException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(ServiceError error) {
        super(error);
    }
}
