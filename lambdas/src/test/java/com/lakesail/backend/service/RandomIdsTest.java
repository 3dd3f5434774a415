package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RandomIdsTest {
    private static final Pattern SHAPE = Pattern.compile("org_[a-z2-7]{26}");
    private final RandomIds ids = new RandomIds();

    @Test
    void next_whenCalled_isPrefixUnderscoreAnd26LowerCaseBase32Characters() {
        for (int i = 0; i < 1000; i++) {
            String id = ids.next("org");
            assertTrue(SHAPE.matcher(id).matches(), id);
        }
    }

    @Test
    void next_whenCalled_isUrlSafe() {
        String id = ids.next("tok");

        assertEquals(id, URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    @Test
    void next_whenCalledManyTimes_neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertTrue(seen.add(ids.next("req")), "duplicate id after " + i);
        }
    }

    @Test
    void next_whenCalledManyTimes_usesTheWholeAlphabet() {
        // 128 random bits fill 25 characters fully; a stuck bit or a short alphabet would leave letters unused.
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = ids.next("org");
            for (char c : id.substring(4, 4 + 25).toCharArray()) {
                used.add(c);
            }
        }
        assertEquals(32, used.size(), used.toString());
    }

    @Test
    void looksLike_whenIdIssuedForThePrefix_returnsTrue() {
        assertTrue(RandomIds.looksLike("org", ids.next("org")));
        assertTrue(RandomIds.looksLike("usr", ids.next("usr")));
    }

    @Test
    void looksLike_whenShapeIsWrong_returnsFalse() {
        String valid = ids.next("org");
        String random = valid.substring(4);
        List<String> wrong = List.of(
                "", "org_", "org", valid + "a", valid.substring(0, valid.length() - 1),
                "usr_" + random, "orgx" + random, "org-" + random,
                "org_" + random.substring(1) + "A", "org_" + random.substring(1) + "0",
                "org_" + random.substring(1) + "8", "org_" + random.substring(1) + "_",
                "org_" + random.substring(1) + "é", "org_../../etc/passwd_______");
        for (String id : wrong) {
            assertFalse(RandomIds.looksLike("org", id), id);
        }
        assertFalse(RandomIds.looksLike("org", null));
        assertFalse(RandomIds.looksLike("or", valid), "another prefix");
    }
}
