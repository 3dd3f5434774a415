package com.lakesail.backend.service.job;

import java.net.URI;

/**
 * The API's base address as a run's Sail and runner, and a session's server, reach it: the API Gateway stage URL on AWS,
 * {@code http://127.0.0.1:<port>} locally (known once the local server listens).
 */
@FunctionalInterface
public interface CallbackEndpoint {

    URI base();

    /** The run's callback base; events are posted to {@code {it}/events}. */
    default URI forRun(String runId) {
        String base = base().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/v1/callbacks/job-runs/" + runId);
    }

    /** A session's callback base: its server posts events to {@code {it}/events} and takes its token from {@code {it}/token}. */
    default URI forSession(String sessionId) {
        String base = base().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/v1/callbacks/sessions/" + sessionId);
    }
}
