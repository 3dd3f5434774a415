package com.lakesail.backend.port;

/** A storage failure that is not the caller's fault (I/O, throttling, unavailability). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
