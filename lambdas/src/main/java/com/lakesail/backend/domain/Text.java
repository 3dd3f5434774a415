package com.lakesail.backend.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Text as requests carry it: only valid Unicode gets in, and nothing is silently changed on the
 * way. Invalid UTF-8 bytes, a malformed percent-encoding or an unpaired surrogate (which a JSON
 * escape or a Java string can hold, but no UTF-8 can encode) are refused, never replaced with
 * {@code U+FFFD} or {@code ?}.
 *
 * <pre>{@code
 * Text.utf8(bytes)                  // empty when the bytes are not UTF-8
 * Text.percentDecoded("caf%C3%A9")  // "café"; empty for "%zz" or "%E9"
 * Text.sameName("é", "e\u0301")     // true: names are compared in NFC
 * }</pre>
 */
public final class Text {
    private Text() {
    }

    /** Decodes strict UTF-8: empty when any byte sequence is malformed. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** True when every surrogate in {@code s} is half of a pair: the string is Unicode text UTF-8 can carry. */
    public static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8 bytes, strictly: empty when an escape is malformed, the
     * bytes are not UTF-8, or the text around them is not well-formed.
     *
     * @param plusIsSpace true for a query string (form encoding), false for a path segment
     */
    public static Optional<String> percentDecoded(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return wellFormed(raw) ? Optional.of(raw) : Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                int end = i + (Character.isHighSurrogate(c) && i + 1 < raw.length() ? 2 : 1);
                String piece = raw.substring(i, end);
                if (!wellFormed(piece)) {
                    return Optional.empty();
                }
                bytes.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return utf8(bytes.toByteArray());
    }

    /** The form names are compared in: NFC, so {@code é} typed precomposed or decomposed is one name. */
    public static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** True when two names are the same name (equal in NFC). */
    public static boolean sameName(String a, String b) {
        return nameKey(a).equals(nameKey(b));
    }
}
