package com.lakesail.backend.port;

import java.net.URI;
import java.util.Objects;

/**
 * Where a workload reports, and with what: the run's callback base
 * ({@code https://api.../v1/callbacks/job-runs/jrn_...}; events are posted to {@code {url}/events})
 * and a credential accepted for that run only, until the run ends. Sent as {@code Authorization: Bearer}.
 */
public record Callback(URI url, String token) {
    public Callback {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }

    /** Never prints the token: specs end up in logs and exception messages. */
    @Override
    public String toString() {
        return "Callback[url=" + url + "]";
    }
}
