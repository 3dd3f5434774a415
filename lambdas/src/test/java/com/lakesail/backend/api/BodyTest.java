package com.lakesail.backend.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyTest {

    @Test
    void string_whenPresent_returnsIt() {
        Body body = body("{\"name\": \"acme\"}");

        assertEquals("acme", body.string("name"));
        assertDoesNotThrow(body::done);
    }

    @Test
    void string_whenAbsentOrJsonNull_returnsNullWithoutError() {
        Body body = body("{\"name\": null}");

        assertNull(body.string("name"));
        assertNull(body.string("other"));
        assertDoesNotThrow(body::done);
    }

    @Test
    void string_whenMistyped_namesTheField() {
        for (String value : List.of("1", "true", "{}", "[\"a\"]")) {
            Body body = body("{\"name\": " + value + "}");

            assertNull(body.string("name"));
            assertEquals(List.of(new FieldError("name", "must be a string")), errors(body), value);
        }
    }

    @Test
    void int32_whenNotAnIntegerThatFits_namesTheField() {
        for (String value : List.of("\"5\"", "5.5", "1e3", "2147483648", "true")) {
            Body body = body("{\"expiresInDays\": " + value + "}");

            assertNull(body.int32("expiresInDays"), value);
            assertEquals(List.of(new FieldError("expiresInDays", "must be an integer")), errors(body), value);
        }
    }

    @Test
    void int32_whenIntegerAtTheLimits_returnsIt() {
        assertEquals(Integer.MAX_VALUE, body("{\"n\": 2147483647}").int32("n"));
        assertEquals(Integer.MIN_VALUE, body("{\"n\": -2147483648}").int32("n"));
    }

    @Test
    void int64_whenNotAnIntegerThatFits_namesTheField() {
        for (String value : List.of("\"1\"", "1.0", "9223372036854775808", "[]")) {
            Body body = body("{\"version\": " + value + "}");

            assertNull(body.int64("version"), value);
            assertEquals(List.of(new FieldError("version", "must be an integer")), errors(body), value);
        }
    }

    @Test
    void int64_whenLong_returnsIt() {
        assertEquals(Long.MAX_VALUE, body("{\"version\": 9223372036854775807}").int64("version"));
    }

    @Test
    void done_whenFieldNeverRead_namesItAsUnknown() {
        Body body = body("{\"name\": \"acme\", \"nmae\": \"typo\"}");
        body.string("name");

        assertEquals(List.of(new FieldError("nmae", "is not a known field")), errors(body));
    }

    @Test
    void done_whenSeveralProblems_namesThemAllAtOnce() {
        Body body = body("{\"name\": 7, \"expiresInDays\": \"soon\", \"colour\": \"red\"}");
        body.string("name");
        body.int32("expiresInDays");

        List<FieldError> errors = errors(body);

        assertEquals(List.of("name", "expiresInDays", "colour"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void parseObject_whenMalformedJson_namesBodyWithPosition() {
        ValidationException e = assertThrows(ValidationException.class, () -> Json.parseObject("{\"name\": }"));

        assertEquals("body", e.details().get(0).field());
        assertEquals(true, e.details().get(0).message().contains("line 1"), e.details().get(0).message());
    }

    @Test
    void parseObject_whenNotAnObject_namesBody() {
        for (String text : List.of("[]", "\"acme\"", "42", "null", "", "  ")) {
            ValidationException e = assertThrows(ValidationException.class, () -> Json.parseObject(text), text);
            assertEquals(List.of("body"), e.details().stream().map(FieldError::field).toList(), text);
        }
        assertThrows(ValidationException.class, () -> Json.parseObject(null));
    }

    @Test
    void parseObject_whenNestedTooDeep_refusesWithValidationError() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);

        ValidationException e = assertThrows(ValidationException.class, () -> Json.parseObject(deep));

        assertEquals("body", e.details().get(0).field());
    }

    @Test
    void parseObject_whenNumberTooLong_refusesWithValidationError() {
        String huge = "{\"version\": " + "9".repeat(100) + "}";

        ValidationException e = assertThrows(ValidationException.class, () -> Json.parseObject(huge));

        assertEquals("body", e.details().get(0).field());
    }

    @Test
    void parseObject_whenTrailingGarbageAfterObject_refusesIt() {
        assertThrows(ValidationException.class, () -> Json.parseObject("{\"name\": \"a\"} {\"name\": \"b\"}"));
    }

    private static Body body(String json) {
        return new Body(Json.parseObject(json));
    }

    private static List<FieldError> errors(Body body) {
        return assertThrows(ValidationException.class, body::done).details();
    }
}
