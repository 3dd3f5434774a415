package com.lakesail.local.workflow.asl;

/**
 * A loaded and validated definition.
 *
 * @param timeoutSeconds the execution-level {@code TimeoutSeconds}, or null for none
 * @param json           the definition as given, canonical JSON (kept for persistence and hashing)
 */
public record StateMachineDefinition(StateGraph graph, Long timeoutSeconds, String json) {
}
