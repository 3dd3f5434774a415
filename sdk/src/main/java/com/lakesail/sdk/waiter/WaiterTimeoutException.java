package com.lakesail.sdk.waiter;

import com.lakesail.sdk.exception.SdkClientException;
import java.time.Duration;

/**
 * A {@link Waiter} gave up: the resource did not reach its aim within the timeout. The resource's
 * work may still go on; read it again later.
 */
public class WaiterTimeoutException extends SdkClientException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final transient Lifecycle lastSeen;

    public WaiterTimeoutException(Duration timeout, Lifecycle lastSeen) {
        super("resource not done within " + timeout + ": last seen with status " + lastSeen.status().value()
                + (lastSeen.stage() == null ? "" : " at stage " + lastSeen.stage()) + ", " + lastSeen.progress() + "%");
        this.timeout = timeout;
        this.lastSeen = lastSeen;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The resource as last read before giving up. */
    public Lifecycle lastSeen() {
        return lastSeen;
    }
}
