package com.lakesail.backend.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The request is malformed; {@link #details()} names every offending field. */
public class ValidationException extends DomainException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    @Override
    public String code() {
        return "ValidationError";
    }

    @Override
    public List<FieldError> details() {
        return errors;
    }
}
