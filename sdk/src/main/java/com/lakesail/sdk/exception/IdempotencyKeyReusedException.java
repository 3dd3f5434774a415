package com.lakesail.sdk.exception;

/** 409 {@code IdempotencyKeyReused}: the {@code Idempotency-Key} was already used for a create with a different body. */
public class IdempotencyKeyReusedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(ServiceError error) {
        super(error);
    }
}
