package com.lakesail.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset a test moves forward: time passes as it really does (real
 * processes report in real time) and a test can still jump past a timeout without waiting for it.
 * After a jump, tell the workflow engine ({@code backend.workflows().clockChanged()}).
 */
final class OffsetClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
        synchronized (this) {
            offset = offset.plus(by);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the backend's clock is UTC");
    }
}
