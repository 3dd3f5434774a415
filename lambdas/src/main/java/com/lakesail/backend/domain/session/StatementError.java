package com.lakesail.backend.domain.session;

/**
 * Why a statement failed, as the engine said it: Spark's error class ({@code TABLE_OR_VIEW_NOT_FOUND})
 * when it has one, else the exception's simple name, and the engine's message.
 */
public record StatementError(String errorClass, String message) {
    /** Stored on the statement item: a message is kept cut to this many characters. */
    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_ERROR_CLASS = 256;

    public StatementError {
        message = message == null ? "" : message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }
}
