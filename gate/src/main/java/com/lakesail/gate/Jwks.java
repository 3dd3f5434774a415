package com.lakesail.gate;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a gate finds the control plane's public keys (a JWKS document).
 *
 * <ul>
 * <li>a file ({@code /path/jwks.json}, local): read again whenever it changes ({@link JwksFile});
 *     it must be readable when the gate starts;
 * <li>an {@code http://} or {@code https://} URL (a cluster: the control plane's
 *     {@code GET /v1/.well-known/jwks.json}): nimbus's caching remote source, fetched on first use,
 *     kept {@link #CACHE_TTL}, refreshed ahead of expiry in the background, and fetched again (at most
 *     every {@link #MIN_REFRESH_INTERVAL}) when a token names a key it does not hold, so a rotated key
 *     is picked up. While the keys cannot be fetched, tokens not already accepted are refused
 *     ({@link TokenVerifier#KEYS_UNAVAILABLE}); nothing crashes and nothing passes unchecked.
 * </ul>
 */
public final class Jwks {
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(15);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    // A cold control-plane function may take a few seconds to answer.
    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final int SIZE_LIMIT_BYTES = 64 * 1024;

    private Jwks() {
    }

    /**
     * The keys at {@code location}: an {@code https://} URL ({@code http://} on loopback only), else a file path.
     *
     * @throws IllegalArgumentException when it is blank, a malformed or plain-http URL off loopback, or the
     *                                  file cannot be read
     */
    public static JWKSource<SecurityContext> at(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("the session gate needs its JWKS (a file or an http(s) URL)");
        }
        String l = location.trim();
        if (l.startsWith("http://") || l.startsWith("https://")) {
            URI uri;
            try {
                uri = URI.create(l);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the session gate's JWKS URL is not valid: " + l, e);
            }
            // Keys fetched in the clear could be swapped on the way, and then any token forged: only a
            // loopback address may serve them over plain http.
            if (l.startsWith("http://") && !loopback(uri.getHost())) {
                throw new IllegalArgumentException("the session gate's JWKS URL must be https (http only on loopback): " + l);
            }
            try {
                return url(uri.toURL(), CACHE_TTL, MIN_REFRESH_INTERVAL);
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the session gate's JWKS URL is not valid: " + l, e);
            }
        }
        return file(Path.of(l));
    }

    private static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1"));
    }

    /** The keys in a JWKS file, re-read when it changes. */
    public static JWKSource<SecurityContext> file(Path file) {
        try {
            return new JwksFile(file);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The keys served at {@code url}, cached and refreshed as described above. */
    static JWKSource<SecurityContext> url(URL url, Duration cacheTtl, Duration minRefreshInterval) {
        return JWKSourceBuilder.<SecurityContext>create(url,
                        new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES))
                .cache(cacheTtl.toMillis(), REFRESH_TIMEOUT.toMillis())
                .refreshAheadCache(true)
                .rateLimited(minRefreshInterval.toMillis())
                .retrying(true)
                .build();
    }
}
