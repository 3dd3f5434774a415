package com.lakesail.backend.domain.job;

/** How a run ended: {@code {code, type, message}}; the type follows from the code. */
public record Termination(TerminationCode code, String message) {
    public static final int MAX_MESSAGE = 4000;

    public Termination {
        message = bounded(message);
    }

    /**
     * {@code message} cut to {@link #MAX_MESSAGE} characters: engine messages can be whole stack
     * traces; keep what a reader needs, and a report is never refused for its length.
     */
    static String bounded(String message) {
        return message != null && message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
    }

    public TerminationType type() {
        return code.type();
    }
}
