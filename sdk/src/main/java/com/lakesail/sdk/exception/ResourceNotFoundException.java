package com.lakesail.sdk.exception;

/** 404 {@code ResourceNotFound}: no such resource in this organization (another organization's ids answer this too). */
public class ResourceNotFoundException extends LakeSailException {
    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(ServiceError error) {
        super(error);
    }
}
