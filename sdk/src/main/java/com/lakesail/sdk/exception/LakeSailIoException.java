package com.lakesail.sdk.exception;

import java.io.IOException;

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

    /** How many times the request was sent before giving up. */
    public int attempts() {
        return attempts;
    }
}
