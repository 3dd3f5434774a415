package com.lakesail.backend.domain;

/** Wrong state, stale version, duplicate name or dependents exist. */
public class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "Conflict";
    }
}
