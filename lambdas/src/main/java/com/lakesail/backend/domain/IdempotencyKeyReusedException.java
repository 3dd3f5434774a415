package com.lakesail.backend.domain;

/** An Idempotency-Key was reused with a different request. */
public class IdempotencyKeyReusedException extends ConflictException {
    public IdempotencyKeyReusedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "IdempotencyKeyReused";
    }
}
