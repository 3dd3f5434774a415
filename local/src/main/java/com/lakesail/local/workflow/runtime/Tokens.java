package com.lakesail.local.workflow.runtime;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Task tokens: the execution ARN, the branch id and a random nonce, Base64url-encoded. The token
 * locates its task without an index item; the nonce makes every attempt's token unguessable and
 * distinct, and the branch keeps the one it is waiting on.
 */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Parts(String executionArn, String branchId) {
    }

    private Tokens() {
    }

    static String create(String executionArn, String branchId) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String raw = executionArn + "\n" + branchId + "\n" + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The token's parts, or null when it is not a token this engine issued. */
    static Parts parse(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n");
            return parts.length == 3 && parts[0].startsWith("arn:") ? new Parts(parts[0], parts[1]) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
