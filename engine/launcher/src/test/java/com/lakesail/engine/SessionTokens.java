package com.lakesail.engine;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Issues session tokens the way the control plane will: ES256, with the claims the gate checks. */
final class SessionTokens {
    static final String ISSUER = "https://lakesail.local";
    static final String AUDIENCE = "lakesail-sail";

    private final ECKey key;

    SessionTokens(String keyId) throws JOSEException {
        this.key = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    }

    /** Writes the public key as a JWKS document, as the control plane publishes it. */
    Path writeJwks(Path file) throws Exception {
        Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
        return file;
    }

    GateConfig gate(Path jwks, String sessionId) {
        return new GateConfig(jwks, ISSUER, AUDIENCE, sessionId);
    }

    String token(String sessionId, Duration validFor) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("mem_test")
                .claim("sid", sessionId).issueTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(validFor))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
