package com.lakesail.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static ECKey key;
    private static TokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        verifier = new TokenVerifier(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())), "iss-1", "aud-1",
                "ses_1", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void refusal_whenTokenIsValid_isNull() throws Exception {
        assertNull(verifier.refusal("Bearer " + token(key, c -> c)));
    }

    @Test
    void answersFromMemory_onlyForNoTokenOrOneAcceptedBefore() throws Exception {
        TokenVerifier v = new TokenVerifier(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())), "iss-1",
                "aud-1", "ses_1", Clock.fixed(NOW, ZoneOffset.UTC));
        String t = "Bearer " + token(key, c -> c);
        assertTrue(v.answersFromMemory(null));
        assertTrue(v.answersFromMemory("Basic dXNlcjpwdw=="));
        assertFalse(v.answersFromMemory(t));
        assertNull(v.refusal(t));
        assertTrue(v.answersFromMemory(t));
        assertFalse(v.answersFromMemory("Bearer " + token(key, c -> c.claim("sid", "ses_2"))));
    }

    @Test
    void refusal_whenTokenWasAcceptedAndHasSinceExpired_isExpired() throws Exception {
        Instant[] now = {NOW};
        TokenVerifier v = new TokenVerifier(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())), "iss-1",
                "aud-1", "ses_1", new Clock() {
                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return now[0];
                    }
                });
        String t = "Bearer " + token(key, c -> c.expirationTime(Date.from(NOW.plusSeconds(60))));
        assertNull(v.refusal(t));
        now[0] = NOW.plusSeconds(120);
        assertEquals("the session token has expired", v.refusal(t));
    }

    @Test
    void refusal_whenClaimsAreWrong_saysWhichWay() throws Exception {
        assertEquals("the session token has expired", verifier.refusal("Bearer " + token(key,
                c -> c.expirationTime(Date.from(NOW.minus(Duration.ofMinutes(2)))))));
        assertEquals("the session token is for another session", verifier.refusal("Bearer " + token(key, c -> c.claim("sid", "ses_2"))));
        assertEquals("the session token is not valid", verifier.refusal("Bearer " + token(key, c -> c.issuer("other"))));
        assertEquals("the session token is not valid", verifier.refusal("Bearer " + token(key, c -> c.audience("other"))));
        assertEquals("the session token is not valid", verifier.refusal("Bearer " + token(key, c -> c.subject(null))));
        assertEquals("the session token has no expiry", verifier.refusal("Bearer " + token(key, c -> c.expirationTime(null))));
        assertEquals("the session token is not valid yet", verifier.refusal("Bearer " + token(key,
                c -> c.notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(5)))))));
    }

    @Test
    void refusal_whenSignatureOrFormatIsWrong_isNotValid() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        assertEquals("the session token is not valid", verifier.refusal("Bearer " + token(other, c -> c)));
        assertEquals("the session token is not valid", verifier.refusal("Bearer abc.def.ghi"));
        assertEquals("a session token is required (sc://host:port/;token=...)", verifier.refusal(null));
        assertEquals("a session token is required (sc://host:port/;token=...)", verifier.refusal("Basic dXNlcjpwdw=="));
    }

    @Test
    void jwksFile_whenRotated_verifiesTokensOfTheNewKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
        TokenVerifier v = new TokenVerifier(new JwksFile(file), "iss-1", "aud-1", "ses_1", Clock.fixed(NOW, ZoneOffset.UTC));
        ECKey next = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
        assertEquals("the session token is not valid", v.refusal("Bearer " + token(next, c -> c)));

        Files.writeString(file, new JWKSet(java.util.List.of(key.toPublicJWK(), next.toPublicJWK())).toString());
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));

        assertNull(v.refusal("Bearer " + token(next, c -> c)));
    }

    private static String token(ECKey signer, UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("iss-1").audience("aud-1").subject("mem_1")
                .claim("sid", "ses_1").issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plus(Duration.ofHours(1))));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).build(),
                edit.apply(claims).build());
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }
}
