package com.lakesail.backend.domain;

/** The resource does not exist, or belongs to another organization. */
public class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "ResourceNotFound";
    }
}
