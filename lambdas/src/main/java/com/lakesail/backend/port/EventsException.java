package com.lakesail.backend.port;

/** The bus did not accept an event (throttled, unreachable, refused); publishing it later may succeed. */
public class EventsException extends RuntimeException {
    public EventsException(String message) {
        super(message);
    }

    public EventsException(String message, Throwable cause) {
        super(message, cause);
    }
}
