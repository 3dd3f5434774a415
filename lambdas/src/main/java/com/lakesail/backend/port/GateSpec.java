package com.lakesail.backend.port;

import java.net.URI;
import java.util.Objects;

/**
 * The session gate in front of a session's Sail: it admits a Spark Connect call only with an ES256
 * JWT signed by a key of the JWKS document at {@code jwksUrl} (the control plane's
 * {@code /v1/.well-known/jwks.json}), whose {@code iss}, {@code aud} and {@code sid} are these, with
 * a subject and an expiry.
 */
public record GateSpec(String issuer, String audience, String sessionId, URI jwksUrl) {
    public GateSpec {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
    }
}
