package com.lakesail.backend.domain.job;

/**
 * How a run ended as its Sail or runner reported it, recorded as the report arrives; the workflow
 * makes it the run's termination once the run's compute is cleaned up.
 *
 * @param errorClass the engine's error class for a failed entrypoint ({@code TABLE_OR_VIEW_NOT_FOUND}), else null
 * @param step       the statement that failed, 1-based, or null
 */
public record RunOutcome(TerminationCode code, String message, String errorClass, Integer step) {

    public RunOutcome {
        // Stored on the run as it is reported: bounded like the termination it becomes.
        message = Termination.bounded(message);
    }

    public static RunOutcome succeeded() {
        return new RunOutcome(TerminationCode.SUCCESS, null, null, null);
    }

    public boolean success() {
        return code == TerminationCode.SUCCESS;
    }
}
