package com.lakesail.backend.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void utf8_whenBytesAreUtf8_decodesThem() {
        assertEquals(Optional.of("été 😀"), Text.utf8("été 😀".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(""), Text.utf8(new byte[0]));
    }

    @Test
    void utf8_whenBytesAreNotUtf8_isEmptyRatherThanReplaced() {
        assertEquals(Optional.empty(), Text.utf8("été".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), Text.utf8(new byte[] {(byte) 0xC3}), "truncated sequence");
        assertEquals(Optional.empty(), Text.utf8(new byte[] {(byte) 0xC0, (byte) 0xAF}), "overlong encoding of /");
        assertEquals(Optional.empty(), Text.utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "an encoded surrogate");
    }

    @Test
    void wellFormed_whenSurrogatesArePaired_isTrue() {
        assertTrue(Text.wellFormed("plain"));
        assertTrue(Text.wellFormed("😀 \ud83d\ude00"));
    }

    @Test
    void wellFormed_whenASurrogateIsAlone_isFalse() {
        assertFalse(Text.wellFormed("\ud800"));
        assertFalse(Text.wellFormed("a\udc00b"));
        assertFalse(Text.wellFormed("\ude00\ud83d"), "reversed pair");
        assertFalse(Text.wellFormed("end\ud83d"));
    }

    @Test
    void percentDecoded_whenEscapesAreUtf8_decodesThem() {
        assertEquals(Optional.of("café"), Text.percentDecoded("caf%C3%A9", false));
        assertEquals(Optional.of("a/b c+d"), Text.percentDecoded("a%2Fb%20c+d", false), "+ is itself in a path");
        assertEquals(Optional.of("a b"), Text.percentDecoded("a+b", true), "+ is a space in a query");
        assertEquals(Optional.of("é"), Text.percentDecoded("é", false), "raw text passes when well-formed");
    }

    @Test
    void percentDecoded_whenMalformed_isEmpty() {
        for (String raw : new String[] {"%zz", "%", "%4", "a%G0", "%E9", "%C3", "%ED%A0%80", "\ud800"}) {
            assertEquals(Optional.empty(), Text.percentDecoded(raw, true), raw);
        }
    }

    @Test
    void sameName_whenNamesDifferOnlyInNormalization_isTrue() {
        assertTrue(Text.sameName("caf\u00e9", "cafe\u0301"));
        assertEquals("caf\u00e9", Text.nameKey("cafe\u0301"));
        assertFalse(Text.sameName("cafe", "café"));
        assertFalse(Text.sameName("ﬁ", "fi"), "NFC, not NFKC: compatibility forms stay distinct");
    }
}
