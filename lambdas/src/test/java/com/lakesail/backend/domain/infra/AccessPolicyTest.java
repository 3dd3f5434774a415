package com.lakesail.backend.domain.infra;

import static com.lakesail.backend.domain.infra.FieldErrors.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.Validator;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @Test
    void from_whenPrivateWithoutCidrs_isPrivate() {
        Validator v = new Validator();
        assertEquals(AccessPolicy.privateOnly(), AccessPolicy.from(v, "accessPolicy", "private", null));
        assertTrue(v.valid());
    }

    @Test
    void from_whenPublicWithCidrs_keepsThem() {
        Validator v = new Validator();
        AccessPolicy p = AccessPolicy.from(v, "accessPolicy", "public", List.of("203.0.113.0/24", "0.0.0.0/0"));

        assertEquals(new AccessPolicy(AccessMode.PUBLIC, List.of("203.0.113.0/24", "0.0.0.0/0")), p);
        assertTrue(v.valid());
    }

    @Test
    void from_whenPublicWithoutCidrs_namesAllowedCidrs() {
        assertOnly(FieldErrors.of(v -> AccessPolicy.from(v, "accessPolicy", "public", List.of())), "accessPolicy.allowedCidrs");
        assertOnly(FieldErrors.of(v -> AccessPolicy.from(v, "accessPolicy", "public", null)), "accessPolicy.allowedCidrs");
    }

    @Test
    void from_whenPrivateWithCidrs_namesAllowedCidrs() {
        assertOnly(FieldErrors.of(v -> AccessPolicy.from(v, "accessPolicy", "private", List.of("10.0.0.0/8"))),
                "accessPolicy.allowedCidrs");
    }

    @Test
    void from_whenBadEntries_namesEachIndex() {
        var errors = FieldErrors.of(v -> AccessPolicy.from(v, "accessPolicy", "public",
                List.of("203.0.113.0/24", "203.0.113.7/24", "not-a-cidr")));

        assertEquals(2, errors.size(), errors::toString);
        FieldErrors.assertNames(errors, "accessPolicy.allowedCidrs[1]");
        FieldErrors.assertNames(errors, "accessPolicy.allowedCidrs[2]");
    }

    @Test
    void from_whenTooManyCidrs_namesAllowedCidrs() {
        List<String> many = Collections.nCopies(41, "198.51.100.0/24");
        assertOnly(FieldErrors.of(v -> AccessPolicy.from(v, "accessPolicy", "public", many)), "accessPolicy.allowedCidrs");
    }

    @Test
    void from_whenModeUnknownOrMissing_namesModeAndReturnsNull() {
        Validator v = new Validator();
        assertNull(AccessPolicy.from(v, "accessPolicy", "PUBLIC", List.of("1.2.3.0/24")));
        assertOnly(FieldErrors.of(x -> AccessPolicy.from(x, "accessPolicy", "internet", null)), "accessPolicy.mode");
        assertOnly(FieldErrors.of(x -> AccessPolicy.from(x, "accessPolicy", null, List.of("1.2.3.0/24"))), "accessPolicy.mode");
    }
}
