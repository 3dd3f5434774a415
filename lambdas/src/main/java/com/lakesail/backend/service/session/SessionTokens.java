package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.TokenSigner;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The session tokens the gate in front of a session's Sail checks: ES256 JWTs (RFC 7519) whose key id
 * ({@code kid}, the key's RFC 7638 thumbprint) names a key of the published JWKS document, with
 * {@code iss} (the API's base address), {@code aud} ({@value SessionGates#AUDIENCE}), {@code sub} (the member),
 * {@code sid} (the session), {@code iat}, {@code nbf}, {@code exp} and a {@code jti}. The library
 * builds and serializes them; the signature is the {@link TokenSigner}'s (a file key locally, KMS on AWS).
 *
 * <p>A token is shown once, to whoever asked for it, and is kept nowhere: not in the store, the audit
 * log (which records its {@code jti}) or any log line.
 */
@Singleton
public final class SessionTokens {
    public static final String SESSION_CLAIM = "sid";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration MAX_TTL = Duration.ofHours(12);
    public static final String ID_PREFIX = "sst";

    private final TokenSigner signer;
    private final SessionGates gates;
    private final Clock clock;
    private final Ids ids;
    private volatile ECKey publicJwk;

    @Inject
    public SessionTokens(TokenSigner signer, SessionGates gates, Clock clock, Ids ids) {
        this.signer = signer;
        this.gates = gates;
        this.clock = clock;
        this.ids = ids;
    }

    /** A token as issued: the JWT, its id ({@code jti}) and when it expires. */
    public record Issued(String token, String id, Instant expiresAt) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "Issued[id=" + id + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * A token for {@code memberId} on the session, valid from now for {@code ttl}.
     *
     * @throws IllegalArgumentException for a ttl that is not positive
     */
    public Issued issue(Session session, String memberId, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive: " + ttl);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        String id = ids.next(ID_PREFIX);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(gates.issuer()).audience(SessionGates.AUDIENCE).subject(memberId)
                .claim(SESSION_CLAIM, session.id()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt)).jwtID(id).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key().getKeyID()).build(), claims);
        try {
            jwt.sign(new PortSigner());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a session token: " + e.getMessage(), e);
        }
        return new Issued(jwt.serialize(), id, expiresAt);
    }

    /** The JWKS document gates verify with: {@code {"keys": [{"kty": "EC", "crv": "P-256", "kid": ..., ...}]}}. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(key().toPublicJWK().toJSONObject()));
    }

    /** The signer's public key as a JWK, read once (on AWS it is a KMS call). */
    private ECKey key() {
        ECKey key = publicJwk;
        if (key == null) {
            try {
                key = new ECKey.Builder(Curve.P_256, signer.publicKey()).keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint().build();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot describe the session signing key: " + e.getMessage(), e);
            }
            publicJwk = key;
        }
        return key;
    }

    /** The library's signer interface over the port: the signature is the port's, in JWS form. */
    private final class PortSigner implements JWSSigner {
        private final JCAContext jca = new JCAContext();

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            return Base64URL.encode(signer.sign(signingInput));
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.ES256);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
