package com.lakesail.backend.domain;

import java.util.List;

/**
 * A refusal the caller can act on. Each subclass is one error code of the REST contract; the API
 * layer maps {@link #code()} to the HTTP status. Messages are for the caller: no internals.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    public abstract String code();

    public List<FieldError> details() {
        return List.of();
    }
}
