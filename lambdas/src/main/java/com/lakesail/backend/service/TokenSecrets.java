package com.lakesail.backend.service;

import com.lakesail.backend.domain.ApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: {@code lsk_} and 256 random bits, base64url. Stored only as SHA-256: with 256 bits
 * of entropy a plain hash cannot be brute-forced, so no slow KDF is needed on the hot path.
 */
public final class TokenSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How many characters of the secret the token's {@code prefix} shows. */
    static final int SHOWN = ApiToken.SECRET_PREFIX.length() + 4;

    private TokenSecrets() {
    }

    public static String newSecret() {
        return newSecret(ApiToken.SECRET_PREFIX);
    }

    /** A secret of another kind, told apart by its prefix ({@code lsc_} for run callbacks). */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** True when {@code candidate} has the shape of a secret we issue; anything else is not looked up. */
    private static boolean base64UrlChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    public static boolean wellFormed(String candidate) {
        return wellFormed(ApiToken.SECRET_PREFIX, candidate);
    }

    public static boolean wellFormed(String prefix, String candidate) {
        return candidate != null && candidate.length() == prefix.length() + 43 && candidate.startsWith(prefix)
                && candidate.chars().skip(prefix.length()).allMatch(TokenSecrets::base64UrlChar);
    }
}
