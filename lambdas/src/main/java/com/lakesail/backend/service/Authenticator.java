package com.lakesail.backend.service;

import com.lakesail.backend.domain.ApiToken;
import com.lakesail.backend.domain.UnauthenticatedException;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import javax.inject.Inject;

/** Turns an {@code Authorization: Bearer lsk_...} header into a {@link Principal}: one store read. */
public final class Authenticator {
    private static final String BEARER = "Bearer ";
    private final Store store;
    private final Clock clock;

    @Inject
    public Authenticator(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Principal authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new UnauthenticatedException("missing Authorization header: send 'Authorization: Bearer lsk_...'");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("the Authorization header must use the Bearer scheme");
        }
        String secret = authorization.substring(BEARER.length()).strip();
        if (!TokenSecrets.wellFormed(secret)) {
            throw invalid();
        }
        ApiToken token = store.get(Keys.tokenBySecretHash(TokenSecrets.hash(secret)))
                .map(item -> Items.decode(item, ApiToken.class))
                .orElseThrow(Authenticator::invalid);
        if (!token.usableAt(clock.instant())) {
            throw invalid();
        }
        return new Principal(token.userId(), token.id());
    }

    /** One message for unknown, revoked and expired tokens: the caller learns nothing from the difference. */
    private static UnauthenticatedException invalid() {
        return new UnauthenticatedException("the token is invalid, revoked or expired");
    }
}
