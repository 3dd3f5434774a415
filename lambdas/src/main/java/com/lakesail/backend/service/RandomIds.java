package com.lakesail.backend.service;

import com.lakesail.backend.port.Ids;
import java.security.SecureRandom;

/**
 * Ids such as {@code org_7k2m...}: a prefix and 128 random bits in lower-case base32 (26 characters,
 * url-safe, no ambiguity between cases).
 */
public final class RandomIds implements Ids {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int CHARS = 26;
    private final SecureRandom random = new SecureRandom();

    @Override
    public String next(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        StringBuilder id = new StringBuilder(prefix.length() + 1 + CHARS).append(prefix).append('_');
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                id.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            id.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return id.toString();
    }

    /** True when {@code id} has the shape this class issues for {@code prefix}. */
    public static boolean looksLike(String prefix, String id) {
        if (id == null || id.length() != prefix.length() + 1 + CHARS || !id.startsWith(prefix + "_")) {
            return false;
        }
        for (int i = prefix.length() + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }
}
