package com.lakesail.backend.service.session;

import java.time.Duration;

/**
 * How sessions pace themselves on a host.
 *
 * @param startSeconds     how long a session may take to become active (Sail start, server connect)
 * @param heartbeatSeconds how often a session server reports while a statement runs (so a statement
 *                         longer than the idle timeout keeps the session open)
 * @param maxResultBytes   a statement's stored result, as JSON, at most; rows past it are dropped
 * @param chunkBytes       rows are shipped and stored in chunks of about this much JSON
 * @param resultRetention  how long a statement's result rows are kept after they are written
 * @param waitPoll         while a request waits for a statement, how often it re-reads the statement at
 *                         most: where its end is reported to another process (Lambda), this is the
 *                         delay; in one process the end wakes the waiter at once
 */
public record SessionLimits(int startSeconds, int heartbeatSeconds, long maxResultBytes, int chunkBytes,
                            Duration resultRetention, Duration waitPoll) {
    /** A statement's item outlives the longest session by a day, so its result can still be read. */
    public static final Duration STATEMENT_RETENTION = Duration.ofDays(8);

    /** Local Sails start in seconds; a statement's end is signalled in process. */
    public static SessionLimits local() {
        return new SessionLimits(300, 20, 64L * 1024 * 1024, 256 * 1024, Duration.ofHours(24), Duration.ofSeconds(1));
    }

    /** On EKS a Sail may wait for a node; waits poll the table. */
    public static SessionLimits aws() {
        return new SessionLimits(900, 30, 64L * 1024 * 1024, 256 * 1024, Duration.ofHours(24), Duration.ofMillis(100));
    }
}
