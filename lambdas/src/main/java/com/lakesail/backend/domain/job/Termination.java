package com.lakesail.backend.domain.job;

/** How a run ended: {@code {code, type, message}}; the type follows from the code. */
public record Termination(TerminationCode code, String message) {
    public static final int MAX_MESSAGE = 4000;

    public Termination {
        // Engine messages can be whole stack traces: keep what a reader needs, bounded.
        message = message != null && message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
    }

    public TerminationType type() {
        return code.type();
    }
}
