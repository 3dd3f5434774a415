package com.lakesail.backend.domain;

/** One invalid field: its JSON path as the caller sent it ({@code managementNodes.min}) and why. */
public record FieldError(String field, String message) {
}
