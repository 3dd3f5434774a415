package com.lakesail.backend.domain.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Validator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the fields a validation names. */
final class FieldErrors {
    private FieldErrors() {
    }

    static List<FieldError> of(Executable call) {
        return assertThrows(ValidationException.class, call).details();
    }

    static List<FieldError> of(Consumer<Validator> rule) {
        Validator v = new Validator();
        rule.accept(v);
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (ValidationException e) {
            return e.details();
        }
    }

    static void assertNames(List<FieldError> errors, String field) {
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field)), () -> "expected an error on " + field + ", got " + errors);
    }

    static void assertOnly(List<FieldError> errors, String field) {
        assertNames(errors, field);
        assertTrue(errors.stream().allMatch(e -> e.field().equals(field)), () -> "expected errors only on " + field + ", got " + errors);
    }
}
