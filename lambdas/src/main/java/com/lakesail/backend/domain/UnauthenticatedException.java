package com.lakesail.backend.domain;

/** No valid credentials: missing, unknown, revoked or expired token. */
public class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "Unauthenticated";
    }
}
