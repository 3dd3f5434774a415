package com.lakesail.backend.domain.session;

import com.lakesail.backend.domain.Lifecycle;

/**
 * A session's lifecycle (DESIGN §9):
 *
 * <pre>
 * pending → active ⇄ idle → closed | failed
 * </pre>
 *
 * {@code pending} while its Sail and session server start; {@code active} once they are ready and
 * while a statement waits or runs; {@code idle} once its last statement has ended. It closes after
 * its idle timeout, on request, when its cluster goes away or at the end of its maximum life;
 * {@code failed} when it could not start or its engine stopped under it.
 */
public enum SessionStatus {
    PENDING, ACTIVE, IDLE, CLOSED, FAILED;

    public static final Lifecycle<SessionStatus> LIFECYCLE = Lifecycle.of(SessionStatus.class)
            .allow(PENDING, ACTIVE, CLOSED, FAILED)
            .allow(ACTIVE, IDLE, CLOSED, FAILED)
            .allow(IDLE, ACTIVE, CLOSED, FAILED)
            .build();

    public boolean terminal() {
        return LIFECYCLE.isTerminal(this);
    }

    /** Ready for statements: its Sail and session server are up. */
    public boolean open() {
        return this == ACTIVE || this == IDLE;
    }
}
