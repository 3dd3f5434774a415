package com.lakesail.backend.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    @Test
    void name_whenValid_recordsNothing() {
        for (String name : List.of("a", "acme corp", "Åcme ✓", "x".repeat(Validator.MAX_NAME))) {
            assertTrue(new Validator().name("name", name).valid(), name);
        }
    }

    @Test
    void name_whenNull_saysRequired() {
        assertEquals(List.of(new FieldError("name", "is required")), errors(new Validator().name("name", null)));
    }

    @Test
    void name_whenBlank_saysNotBlank() {
        List<FieldError> errors = errors(new Validator().name("name", "   "));

        assertTrue(errors.contains(new FieldError("name", "must not be blank")), errors.toString());
    }

    @Test
    void name_whenPaddedWithWhitespace_refusesIt() {
        for (String name : List.of(" acme", "acme ", "acme\u2003")) {
            assertEquals(List.of(new FieldError("name", "must not start or end with whitespace")),
                    errors(new Validator().name("name", name)), name);
        }
    }

    @Test
    void name_whenOneOverTheMaximum_refusesIt() {
        assertEquals(List.of(new FieldError("name", "must be at most 100 characters")),
                errors(new Validator().name("name", "x".repeat(Validator.MAX_NAME + 1))));
    }

    @Test
    void name_whenItHoldsALoneSurrogate_refusesIt() {
        assertEquals(List.of(new FieldError("name", "must be valid Unicode text")),
                errors(new Validator().name("name", "a\ud800")));
        assertEquals(List.of(), errors(new Validator().name("name", "caf\u00e9 \ud83d\ude00")));
    }

    @Test
    void name_whenControlCharacterInside_refusesIt() {
        for (String name : List.of("a\u0007b", "a\nb", "a\u0000b")) {
            assertEquals(List.of(new FieldError("name", "must not contain control characters")),
                    errors(new Validator().name("name", name)), name);
        }
    }

    @Test
    void email_whenValid_recordsNothing() {
        for (String email : List.of("a@b.io", "first.last+tag@example.co.uk", "x".repeat(64) + "@example.com")) {
            assertTrue(new Validator().email("email", email).valid(), email);
        }
    }

    @Test
    void email_whenNotAnAddress_refusesIt() {
        for (String email : List.of("", "plain", "a@b", "@example.com", "a b@example.com", "a@@example.com",
                "a@example.com ", "x".repeat(65) + "@example.com", "a@" + "b".repeat(250) + ".io")) {
            assertEquals(List.of(new FieldError("email", "must be an email address")),
                    errors(new Validator().email("email", email)), email);
        }
    }

    @Test
    void email_whenNull_saysRequired() {
        assertEquals(List.of(new FieldError("email", "is required")), errors(new Validator().email("email", null)));
    }

    @Test
    void range_whenAtTheBoundsOrAbsent_recordsNothing() {
        assertTrue(new Validator().range("n", 1, 1, 10).range("n", 10, 1, 10).range("n", null, 1, 10).valid());
    }

    @Test
    void range_whenJustOutside_refusesIt() {
        assertEquals(List.of(new FieldError("n", "must be between 1 and 10"), new FieldError("n", "must be between 1 and 10")),
                errors(new Validator().range("n", 0, 1, 10).range("n", 11, 1, 10)));
    }

    @Test
    void throwIfInvalid_whenSeveralFieldsBad_namesEveryOneInOrder() {
        Validator v = new Validator().email("email", "nope").name("name", null).range("limit", 0, 1, 100)
                .require(false, "version", "is required");

        ValidationException e = assertThrows(ValidationException.class, v::throwIfInvalid);

        assertEquals(List.of("email", "name", "limit", "version"), e.details().stream().map(FieldError::field).toList());
        assertEquals("ValidationError", e.code());
        assertTrue(e.getMessage().contains("email: must be an email address"), e.getMessage());
    }

    @Test
    void throwIfInvalid_whenEverythingValid_doesNotThrow() {
        Validator v = new Validator().email("email", "a@b.io").name("name", "acme").require(true, "x", "never");

        assertTrue(v.valid());
        assertDoesNotThrow(v::throwIfInvalid);
    }

    @Test
    void validationException_whenNoFieldNamed_refusesToExist() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
    }

    @Test
    void valid_whenOneRuleFails_returnsFalse() {
        assertFalse(new Validator().require(false, "f", "bad").valid());
    }

    private static List<FieldError> errors(Validator v) {
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (ValidationException e) {
            return e.details();
        }
    }
}
