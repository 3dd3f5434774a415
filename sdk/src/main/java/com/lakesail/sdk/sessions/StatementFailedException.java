package com.lakesail.sdk.sessions;

import com.lakesail.sdk.exception.SdkException;

/** A statement failed or was cancelled; the engine's error class and message when it failed. */
public class StatementFailedException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final transient Statement statement;

    public StatementFailedException(Statement statement) {
        super("statement " + statement.id() + " " + statement.status().value() + (statement.error() == null
                ? (statement.statusReason() == null ? "" : ": " + statement.statusReason())
                : ": " + statement.error().errorClass() + ": " + statement.error().message()));
        this.statement = statement;
    }

    public Statement statement() {
        return statement;
    }

    /** The engine's error class, e.g. {@code TABLE_OR_VIEW_NOT_FOUND}; null when it was cancelled. */
    public String errorClass() {
        return statement.error() == null ? null : statement.error().errorClass();
    }
}
