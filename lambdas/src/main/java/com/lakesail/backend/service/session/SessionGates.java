package com.lakesail.backend.service.session;

import com.lakesail.backend.port.GateSpec;
import com.lakesail.backend.service.job.CallbackEndpoint;
import java.net.URI;
import javax.inject.Inject;

/**
 * What a session's gate checks tokens against: the issuer (the API's base address), the audience
 * and the session, with the keys of the API's JWKS document. Apart from {@link SessionTokens} so
 * that starting a session needs no signing key.
 */
public final class SessionGates {
    public static final String AUDIENCE = "lakesail-sail";
    public static final String JWKS_PATH = "/v1/.well-known/jwks.json";

    private final CallbackEndpoint endpoint;

    @Inject
    public SessionGates(CallbackEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public GateSpec gate(String sessionId) {
        return new GateSpec(issuer(), AUDIENCE, sessionId, URI.create(issuer() + JWKS_PATH));
    }

    /** The API's base address without a trailing slash: the tokens' {@code iss}. */
    public String issuer() {
        String base = endpoint.base().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
