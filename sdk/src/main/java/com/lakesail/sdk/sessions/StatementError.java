package com.lakesail.sdk.sessions;

/**
 * Why a statement failed, as the engine said it.
 *
 * @param errorClass the engine's error class, e.g. {@code TABLE_OR_VIEW_NOT_FOUND}; may be null
 * @param message the engine's message
 */
public record StatementError(String errorClass, String message) {
}
