package com.lakesail.sdk.sessions;

import com.lakesail.sdk.exception.SdkException;

/**
 * A statement failed or was cancelled. {@link #errorClass()} and {@link #engineMessage()} are the
 * engine's (for example {@code TABLE_OR_VIEW_NOT_FOUND}); a cancelled statement has neither.
 */
public class StatementFailedException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final transient Statement statement;

    public StatementFailedException(Statement statement) {
        super(describe(statement));
        this.statement = statement;
    }

    private static String describe(Statement s) {
        if (s.error() != null) {
            return "statement " + s.id() + " " + s.status().value() + ": "
                    + (s.error().errorClass() == null ? "" : s.error().errorClass() + ": ") + s.error().message();
        }
        return "statement " + s.id() + " " + s.status().value()
                + (s.statusReason() == null ? "" : ": " + s.statusReason());
    }

    /** The statement as last read. */
    public Statement statement() {
        return statement;
    }

    public StatementStatus status() {
        return statement.status();
    }

    /** The engine's error class, or null (a cancelled statement, or an error without one). */
    public String errorClass() {
        return statement.error() == null ? null : statement.error().errorClass();
    }

    /** The engine's message, or null for a cancelled statement. */
    public String engineMessage() {
        return statement.error() == null ? null : statement.error().message();
    }
}
