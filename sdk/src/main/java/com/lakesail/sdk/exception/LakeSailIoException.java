package com.lakesail.sdk.exception;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;

/**
 * The request could not be sent or its response not received (connection refused or reset,
 * timeout), and retrying did not help. The cause is the last {@link IOException}.
 */
public class LakeSailIoException extends SdkClientException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    public LakeSailIoException(String request, int attempts, IOException cause) {
        super(request + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + cause, cause);
        this.attempts = attempts;
    }

    /**
     * @param endpoint the service address the request was for, named in the message
     * @param hint what likely went wrong and what to do, appended to the message; may be null
     */
    public LakeSailIoException(String request, URI endpoint, int attempts, IOException cause, String hint) {
        super("cannot reach " + endpoint + ": " + request + " failed after " + attempts
                + (attempts == 1 ? " attempt, " : " attempts, ") + describe(cause) + (hint == null ? "" : ". " + hint), cause);
        this.attempts = attempts;
    }

    private static String describe(IOException cause) {
        if (cause instanceof ConnectException) {
            return "connection refused: nothing listens there";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** How many times the request was sent before giving up. */
    public int attempts() {
        return attempts;
    }
}
