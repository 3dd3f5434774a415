package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.UnauthenticatedException;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.service.TokenSecrets;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.store.JobItems.CallbackCredential;
import com.lakesail.backend.store.JobKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import javax.inject.Inject;

/**
 * The run-scoped credentials a run's Sail watcher and runner report with. Not a user token: a
 * random secret ({@code lsc_} and 256 bits) shown only to the workload it is made for, stored only
 * as its SHA-256, naming one run and one purpose, expiring when the run's longest possible life does
 * (and refused with 409 as soon as the run has ended).
 *
 * <pre>{@code
 * String secret = credentials.issue(orgId, runId, Purpose.RUNNER, expiresAt);   // → LAKESAIL_CALLBACK_TOKEN
 * CallbackCredential c = credentials.verify("Bearer " + secret, runId);
 * }</pre>
 */
public final class CallbackCredentials {
    static final String SECRET_PREFIX = "lsc_";
    private static final String BEARER = "Bearer ";

    /**
     * Who holds a credential: what watches the run's Sail, the runner, or a session's server (whose
     * credential names the session where a run's names the run).
     */
    public enum Purpose {
        SAIL, RUNNER, SESSION;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Store store;
    private final Clock clock;

    @Inject
    public CallbackCredentials(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new secret for {@code purpose} on the run; only its hash is kept. */
    public String issue(String orgId, String runId, Purpose purpose, Instant expiresAt) {
        String secret = TokenSecrets.newSecret(SECRET_PREFIX);
        store.put(JobItems.credential(TokenSecrets.hash(secret), new CallbackCredential(orgId, runId, purpose.wire(),
                expiresAt)), Condition.notExists());
        return secret;
    }

    /**
     * @throws UnauthenticatedException when the header holds no credential of ours, an unknown or
     *     expired one, or one issued for another run; the message does not say which
     */
    public CallbackCredential verify(String authorization, String runId) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("send the run's callback credential as 'Authorization: Bearer lsc_...'");
        }
        String secret = authorization.substring(BEARER.length()).strip();
        if (!TokenSecrets.wellFormed(SECRET_PREFIX, secret)) {
            throw invalid();
        }
        CallbackCredential credential = store.get(JobKeys.callbackCredential(TokenSecrets.hash(secret)))
                .map(JobItems::credential).orElseThrow(CallbackCredentials::invalid);
        if (!credential.runId().equals(runId) || !clock.instant().isBefore(credential.expiresAt())) {
            throw invalid();
        }
        return credential;
    }

    private static UnauthenticatedException invalid() {
        return new UnauthenticatedException("the callback credential is invalid, expired or for another run");
    }
}
