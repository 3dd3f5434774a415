package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void of_whenNothingGiven_usesTheDefaultLimit() {
        assertEquals(new PageRequest(PageRequest.DEFAULT_LIMIT, null), PageRequest.of(null, null));
    }

    @Test
    void of_whenLimitAtTheBounds_keepsIt() {
        assertEquals(1, PageRequest.of(1, null).limit());
        assertEquals(PageRequest.MAX_LIMIT, PageRequest.of(PageRequest.MAX_LIMIT, "t").limit());
    }

    @Test
    void of_whenLimitOutOfRange_namesLimit() {
        for (int limit : new int[] {0, -1, PageRequest.MAX_LIMIT + 1}) {
            ValidationException e = assertThrows(ValidationException.class, () -> PageRequest.of(limit, null));
            assertEquals(List.of("limit"), e.details().stream().map(FieldError::field).toList());
        }
    }

    @Test
    void of_whenTokenEmptyOrHuge_namesNextToken() {
        for (String token : List.of("", "x".repeat(2049))) {
            ValidationException e = assertThrows(ValidationException.class, () -> PageRequest.of(10, token));
            assertEquals(List.of("nextToken"), e.details().stream().map(FieldError::field).toList());
        }
    }

    @Test
    void of_whenBothBad_namesBoth() {
        ValidationException e = assertThrows(ValidationException.class, () -> PageRequest.of(0, ""));

        assertEquals(List.of("limit", "nextToken"), e.details().stream().map(FieldError::field).toList());
    }
}
