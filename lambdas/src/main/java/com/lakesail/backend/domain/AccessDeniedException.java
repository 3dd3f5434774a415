package com.lakesail.backend.domain;

/** The caller is known but lacks the permission. */
public class AccessDeniedException extends DomainException {
    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "AccessDenied";
    }
}
