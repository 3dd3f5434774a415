package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void newSecret_whenCalled_isLskPrefixAnd43Base64UrlCharacters() {
        String secret = TokenSecrets.newSecret();

        assertTrue(secret.matches("lsk_[A-Za-z0-9_-]{43}"), secret);
    }

    @Test
    void newSecret_whenDecoded_holds256Bits() {
        String secret = TokenSecrets.newSecret();

        assertEquals(32, Base64.getUrlDecoder().decode(secret.substring(4)).length);
    }

    @Test
    void newSecret_whenCalledManyTimes_neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenSecrets.newSecret()));
        }
    }

    @Test
    void wellFormed_whenIssued_returnsTrue() {
        for (int i = 0; i < 100; i++) {
            String secret = TokenSecrets.newSecret();
            assertTrue(TokenSecrets.wellFormed(secret), secret);
        }
    }

    @Test
    void wellFormed_whenShapeIsWrong_returnsFalse() {
        String valid = TokenSecrets.newSecret();
        String body = valid.substring(4);
        List<String> wrong = List.of("", "lsk_", body, "LSK_" + body, "lsx_" + body, valid + "A",
                valid.substring(0, valid.length() - 1), "lsk_" + body.substring(1) + "+",
                "lsk_" + body.substring(1) + "/", "lsk_" + body.substring(1) + "=", "lsk_" + body.substring(1) + " ");
        for (String candidate : wrong) {
            assertFalse(TokenSecrets.wellFormed(candidate), candidate);
        }
        assertFalse(TokenSecrets.wellFormed(null));
    }

    @Test
    void wellFormed_whenNonAsciiLetterOrDigit_returnsFalse() {
        // Issued secrets are base64url: ASCII only. Character.isLetterOrDigit also accepts 'é' or '٣'.
        String body = TokenSecrets.newSecret().substring(5);

        assertFalse(TokenSecrets.wellFormed("lsk_é" + body));
        assertFalse(TokenSecrets.wellFormed("lsk_\u0663" + body));
    }

    @Test
    void hash_whenKnownInput_isLowerCaseHexSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecrets.hash("abc"));
    }

    @Test
    void hash_whenSecretsDiffer_differs() {
        String secret = TokenSecrets.newSecret();

        assertEquals(TokenSecrets.hash(secret), TokenSecrets.hash(secret));
        assertNotEquals(TokenSecrets.hash(secret), TokenSecrets.hash(TokenSecrets.newSecret()));
        assertTrue(TokenSecrets.hash(secret).matches("[0-9a-f]{64}"));
        assertFalse(TokenSecrets.hash(secret).contains(secret.substring(4)), "the hash is not the secret");
    }
}
