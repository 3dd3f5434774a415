package com.lakesail.sdk.infrastructure;

import com.lakesail.sdk.waiter.Lifecycle;
import java.time.Instant;

/**
 * What cloud accounts, networks, clusters and catalogs have in common: an id, a name and a
 * lifecycle ({@code status}, {@code statusReason}, {@code stage}, {@code progress}) driven by
 * infrastructure work, plus the version every update must name.
 *
 * <pre>{@code
 * void print(InfrastructureResource r) {
 *     System.out.printf("%s %s %s %d%%%n", r.id(), r.name(), r.status().value(), r.progress());
 * }
 * }</pre>
 */
public interface InfrastructureResource extends Lifecycle {

    String id();

    String name();

    @Override
    InfrastructureStatus status();

    Instant createdAt();

    Instant updatedAt();

    long version();

    /** Active or destroyed: the resource rests where its last requested work aimed. */
    @Override
    default boolean isTerminalSuccess() {
        return status().isActive() || status().isDestroyed();
    }

    @Override
    default boolean isTerminalFailure() {
        return status().isFailed();
    }
}
