package com.lakesail.backend.port;

/** A storage failure that is not the caller's fault (I/O, throttling, unavailability). */
public class StoreException extends RuntimeException {
    private final boolean throttled;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public StoreException(String message) {
        this(message, null, false);
    }

    /** @param throttled the store refused for load, not failure: the caller may retry after a pause */
    public StoreException(String message, Throwable cause, boolean throttled) {
        super(message, cause);
        this.throttled = throttled;
    }

    public boolean throttled() {
        return throttled;
    }
}
