package com.lakesail.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control plane's JWKS served over HTTP on loopback, as {@code GET /v1/.well-known/jwks.json}. */
class JwksUrlTest {
    private HttpServer server;
    private final AtomicReference<String> document = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/.well-known/jwks.json";
    }

    private TokenVerifier verifier(Duration minRefreshInterval) throws Exception {
        return new TokenVerifier(Jwks.url(URI.create(url()).toURL(), Duration.ofMinutes(5), minRefreshInterval),
                "iss-1", "aud-1", "ses_1", Clock.systemUTC());
    }

    @Test
    void url_whenTokenIsSignedByAServedKey_accepts_andCachesTheKeys() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        document.set(new JWKSet(key.toPublicJWK()).toString());
        TokenVerifier v = verifier(Duration.ofMillis(50));

        assertNull(v.refusal("Bearer " + token(key, "ses_1")));
        assertNull(v.refusal("Bearer " + token(key, "ses_1")));
        assertEquals("the session token is for another session", v.refusal("Bearer " + token(key, "ses_2")));
        assertEquals(1, fetches.get());
    }

    @Test
    void url_whenKeyIsRotated_verifiesTokensOfTheNewKey() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        ECKey next = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
        document.set(new JWKSet(key.toPublicJWK()).toString());
        TokenVerifier v = verifier(Duration.ofMillis(50));
        assertNull(v.refusal("Bearer " + token(key, "ses_1")));

        document.set(new JWKSet(List.of(key.toPublicJWK(), next.toPublicJWK())).toString());
        Thread.sleep(100);

        assertNull(v.refusal("Bearer " + token(next, "ses_1")));
    }

    @Test
    void url_whenUnreachable_refusesWithoutCrashing_andRecoversWhenItIsBack() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        document.set(new JWKSet(key.toPublicJWK()).toString());
        status.set(503);
        TokenVerifier v = verifier(Duration.ofMillis(50));

        assertEquals(TokenVerifier.KEYS_UNAVAILABLE, v.refusal("Bearer " + token(key, "ses_1")));

        status.set(200);
        Thread.sleep(100);
        assertNull(v.refusal("Bearer " + token(key, "ses_1")));
    }

    @Test
    void url_whenNothingListens_refuses() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        TokenVerifier v = TokenVerifier.create("http://127.0.0.1:" + port + "/v1/.well-known/jwks.json", "iss-1", "aud-1", "ses_1");

        assertEquals(TokenVerifier.KEYS_UNAVAILABLE, v.refusal("Bearer " + token(key, "ses_1")));
    }

    @Test
    void create_whenJwksUrlIsPlainHttpOffLoopback_refusesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenVerifier.create(
                "http://api.example.com/v1/.well-known/jwks.json", "i", "a", "s"));
        assertEquals("the session gate's JWKS URL must be https (http only on loopback):"
                + " http://api.example.com/v1/.well-known/jwks.json", e.getMessage());
        TokenVerifier.create("https://api.example.com/v1/.well-known/jwks.json", "i", "a", "s");
        TokenVerifier.create("http://localhost:8080/v1/.well-known/jwks.json", "i", "a", "s");
    }

    @Test
    void create_whenJwksIsMissingOrMalformed_saysSo(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> TokenVerifier.create(dir.resolve("none.json").toString(), "i", "a", "s"));
        assertThrows(IllegalArgumentException.class, () -> TokenVerifier.create("https://", "i", "a", "s"));
        assertThrows(IllegalArgumentException.class, () -> TokenVerifier.create(" ", "i", "a", "s"));
        assertThrows(IllegalArgumentException.class, () -> TokenVerifier.create(url(), "i", "a", ""));
    }

    static String token(ECKey signer, String sessionId) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("iss-1").audience("aud-1").subject("mem_1")
                .claim("sid", sessionId).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }
}
