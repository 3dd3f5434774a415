package com.lakesail.local.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One entry of an execution's history, as Step Functions' GetExecutionHistory returns it.
 *
 * @param type    Step Functions' event type, e.g. {@code TaskStateEntered}, {@code MapIterationStarted}
 * @param details the type's details object ({@code name}, {@code input}, {@code output}, {@code error},
 *                {@code cause}, {@code resource}, {@code index}, ...); inputs and outputs are JSON text
 */
public record HistoryEvent(long id, long previousEventId, String type, Instant timestamp, ObjectNode details) {
}
