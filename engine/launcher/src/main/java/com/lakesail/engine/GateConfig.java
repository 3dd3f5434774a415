package com.lakesail.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The session gate in front of a Sail: every Spark Connect call must carry {@code authorization:
 * Bearer <jwt>} where the JWT is signed with ES256 by a key in {@code jwksFile} (a JWKS document of
 * the control plane's public keys, re-read when it changes) and has {@code iss} = {@code issuer},
 * {@code aud} containing {@code audience}, {@code sid} = {@code sessionId}, a {@code sub} and an
 * unexpired {@code exp} (30 s of clock skew allowed); others are refused with UNAUTHENTICATED.
 */
public record GateConfig(Path jwksFile, String issuer, String audience, String sessionId) {
    public GateConfig {
        Objects.requireNonNull(jwksFile, "jwksFile");
        requireText(issuer, "issuer");
        requireText(audience, "audience");
        requireText(sessionId, "sessionId");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
