package com.lakesail.gate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks session tokens: an ES256-signed JWT whose key is in the control plane's JWKS ({@link Jwks}:
 * a file locally, its {@code GET /v1/.well-known/jwks.json} on a cluster), with the expected issuer,
 * audience and session ({@code sid}), a subject (the member) and an expiry. A token that passed is
 * remembered until it expires, so a session's calls after the first cost a map lookup instead of a
 * signature check.
 *
 * <p>The one set of rules for every gate: the local Sail's interceptor and the session server's
 * gate proxy both use it. Thread-safe.
 */
public final class TokenVerifier {
    public static final String SESSION_CLAIM = "sid";
    /** The one refusal that is the gate's fault, not the token's: the keys cannot be had. */
    public static final String KEYS_UNAVAILABLE = "the session gate cannot read its keys; try again shortly";

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int MAX_REMEMBERED = 1024;
    private static final String BEARER = "Bearer ";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String audience;
    private final String sessionId;
    private final Clock clock;
    private final Map<String, Instant> accepted = new ConcurrentHashMap<>();

    public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, String sessionId, Clock clock) {
        this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        // The claims are checked below, each with its own reason.
        this.processor.setJWTClaimsSetVerifier(null);
        this.issuer = issuer;
        this.audience = audience;
        this.sessionId = sessionId;
        this.clock = clock;
    }

    /**
     * A verifier on the system clock whose keys are at {@code jwks}: an {@code http(s)://} URL or a
     * file path ({@link Jwks#at}).
     *
     * @throws IllegalArgumentException when a setting is missing, or a JWKS file cannot be read
     */
    public static TokenVerifier create(String jwks, String issuer, String audience, String sessionId) {
        requireText(issuer, "issuer");
        requireText(audience, "audience");
        requireText(sessionId, "sessionId");
        return new TokenVerifier(Jwks.at(jwks), issuer, audience, sessionId, Clock.systemUTC());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the session gate needs its " + name);
        }
    }

    /**
     * Whether {@link #refusal} answers {@code authorization} at once, from what it already knows (no
     * token, or a token accepted before and still unexpired), without a signature check or a key
     * fetch: a caller may then check on a thread that must not block.
     */
    public boolean answersFromMemory(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
            return true;
        }
        Instant expiry = accepted.get(authorization.substring(BEARER.length()).trim());
        return expiry != null && clock.instant().isBefore(expiry.plus(CLOCK_SKEW));
    }

    /** Null when the header carries a valid token for this session, else why not (never the token). */
    public String refusal(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
            return "a session token is required (sc://host:port/;token=...)";
        }
        String token = authorization.substring(BEARER.length()).trim();
        Instant now = clock.instant();
        Instant expiry = accepted.get(token);
        if (expiry != null) {
            if (now.isBefore(expiry.plus(CLOCK_SKEW))) {
                return null;
            }
            accepted.remove(token);
            return "the session token has expired";
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (KeySourceException e) {
            // An unreachable or broken JWKS: refuse (nothing is let through unchecked), and do not
            // remember it, so the next call tries the keys again.
            return KEYS_UNAVAILABLE;
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return "the session token is not valid";
        }
        String refusal = claimsRefusal(claims, now);
        if (refusal == null) {
            if (accepted.size() >= MAX_REMEMBERED) {
                accepted.clear();
            }
            accepted.put(token, claims.getExpirationTime().toInstant());
        }
        return refusal;
    }

    private String claimsRefusal(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return "the session token has no expiry";
        }
        if (!now.isBefore(exp.toInstant().plus(CLOCK_SKEW))) {
            return "the session token has expired";
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(CLOCK_SKEW).isBefore(nbf.toInstant())) {
            return "the session token is not valid yet";
        }
        if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(audience)
                || claims.getSubject() == null || claims.getSubject().isBlank()) {
            return "the session token is not valid";
        }
        Object sid = claims.getClaim(SESSION_CLAIM);
        if (!sessionId.equals(sid)) {
            return "the session token is for another session";
        }
        return null;
    }
}
