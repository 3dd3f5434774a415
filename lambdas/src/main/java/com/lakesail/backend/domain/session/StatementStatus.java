package com.lakesail.backend.domain.session;

import com.lakesail.backend.domain.Lifecycle;

/**
 * A statement's lifecycle: {@code pending} until the session server starts it (statements of a
 * session run one at a time, in order), {@code running}, then {@code succeeded | failed | cancelled}.
 * A quick statement may end without having been seen running.
 */
public enum StatementStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public static final Lifecycle<StatementStatus> LIFECYCLE = Lifecycle.of(StatementStatus.class)
            .allow(PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED)
            .allow(RUNNING, SUCCEEDED, FAILED, CANCELLED)
            .build();

    public boolean terminal() {
        return LIFECYCLE.isTerminal(this);
    }
}
