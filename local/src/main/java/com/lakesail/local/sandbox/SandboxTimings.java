package com.lakesail.local.sandbox;

import com.lakesail.backend.port.StackTemplate;
import java.time.Duration;

/**
 * How long each sandbox stack operation takes on the local clock. The defaults feel like a fast
 * cloud (a cluster in about 20 s); tests use {@link #instant()} or move a manual clock.
 */
public record SandboxTimings(Duration network, Duration cluster, Duration catalog, Duration update, Duration delete) {

    public static SandboxTimings defaults() {
        return new SandboxTimings(Duration.ofSeconds(8), Duration.ofSeconds(20), Duration.ofSeconds(4),
                Duration.ofSeconds(6), Duration.ofSeconds(5));
    }

    /** Every operation settles as soon as it starts. */
    public static SandboxTimings instant() {
        return new SandboxTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** Every operation {@code speed} times as fast: for demos and tests of a real-time backend. */
    public SandboxTimings faster(int speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1: " + speed);
        }
        return new SandboxTimings(network.dividedBy(speed), cluster.dividedBy(speed), catalog.dividedBy(speed),
                update.dividedBy(speed), delete.dividedBy(speed));
    }

    public Duration create(StackTemplate template) {
        return switch (template) {
            case NETWORK -> network;
            case CLUSTER -> cluster;
            case CATALOG -> catalog;
        };
    }
}
