package com.lakesail.sdk.exception;

/**
 * One field-level problem in an error response, for example {@code name: must not be blank}.
 *
 * @param field the request field the problem is about, in lower camelCase; may be null
 * @param message what is wrong with it
 */
public record ErrorDetail(String field, String message) {

    @Override
    public String toString() {
        return field == null ? message : field + ": " + message;
    }
}
