package com.lakesail.backend.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors so one response names every bad field, not just the first:
 *
 * <pre>{@code
 * Validator v = new Validator();
 * v.name("name", request.name());
 * v.email("email", request.email());
 * v.throwIfInvalid();
 * }</pre>
 */
public final class Validator {

    /**
     * Display names: valid Unicode, printable, no control characters, trimmed, 1..100 characters.
     * Stored as sent; compared for uniqueness in NFC ({@link Text#nameKey}).
     */
    public static final int MAX_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final List<FieldError> errors = new ArrayList<>();

    public Validator require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Validator name(String field, String value) {
        if (value == null) {
            return require(false, field, "is required");
        }
        require(!value.isBlank(), field, "must not be blank");
        require(value.equals(value.strip()), field, "must not start or end with whitespace");
        require(value.length() <= MAX_NAME, field, "must be at most " + MAX_NAME + " characters");
        require(Text.wellFormed(value), field, "must be valid Unicode text");
        return require(!CONTROL.matcher(value).find(), field, "must not contain control characters");
    }

    /** A name that may be left out (a PATCH keeping it); when given, the same rules as {@link #name}. */
    public Validator optionalName(String field, String value) {
        return value == null ? this : name(field, value);
    }

    /** The version an optimistic-locking change names: the one the caller read. */
    public Validator expectedVersion(String field, Long version) {
        return require(version != null, field, "is required (the version you read)");
    }

    public Validator email(String field, String value) {
        if (value == null) {
            return require(false, field, "is required");
        }
        return require(value.length() <= 254 && EMAIL.matcher(value).matches(), field, "must be an email address");
    }

    public Validator range(String field, Integer value, int min, int max) {
        return require(value == null || (value >= min && value <= max), field, "must be between " + min + " and " + max);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
