package com.lakesail.backend.domain.session;

import java.time.Instant;
import java.util.Objects;

/**
 * How a session is to end, recorded by whoever decided it (a close request, the idle check, a
 * failure report, the deletion of its cluster) before its workflow stops its engine and makes it
 * terminal: the first decision wins.
 *
 * @param status {@link SessionStatus#CLOSED} or {@link SessionStatus#FAILED}
 * @param reason what the session shows as its {@code statusReason}
 */
public record SessionEnding(SessionStatus status, String reason, Instant decidedAt) {
    public SessionEnding {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (!status.terminal()) {
            throw new IllegalArgumentException(status + " is not how a session ends");
        }
    }

    public static SessionEnding closed(String reason, Instant at) {
        return new SessionEnding(SessionStatus.CLOSED, reason, at);
    }

    public static SessionEnding failed(String reason, Instant at) {
        return new SessionEnding(SessionStatus.FAILED, reason, at);
    }
}
