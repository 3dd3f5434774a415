package com.lakesail.backend.port;

/** A page token that this store did not issue, or that was issued for another query. */
public class InvalidPageTokenException extends RuntimeException {
    public InvalidPageTokenException(String message) {
        super(message, null, false, false);
    }
}
