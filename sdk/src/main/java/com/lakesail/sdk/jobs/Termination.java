package com.lakesail.sdk.jobs;

/**
 * How a run ended.
 *
 * @param message what happened, e.g. the engine's error for {@link TerminationCode#RUN_EXECUTION_ERROR}; null on success
 */
public record Termination(TerminationCode code, TerminationType type, String message) {
}
