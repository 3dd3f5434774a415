package com.lakesail.sdk.jobs;

/**
 * How a run ended.
 *
 * @param message    what happened, e.g. the engine's error for {@link TerminationCode#RUN_EXECUTION_ERROR}; null on success
 * @param errorClass for {@link TerminationCode#RUN_EXECUTION_ERROR}, the engine's error class
 *                   ({@code TABLE_OR_VIEW_NOT_FOUND}), or the failure's kind when the engine gave none; else null
 */
public record Termination(TerminationCode code, TerminationType type, String message, String errorClass) {
}
