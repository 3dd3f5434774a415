package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task's payload: {@code {"task": "cluster.createStack", "orgId": ..., "clusterId": ..., "generation": 3}},
 * plus {@code attempt} for a poll and {@code error} ({@code {Error, Cause}}) for the task that records a failure.
 */
public record TaskInput(String task, String orgId, long generation, JsonNode payload) {

    public static TaskInput of(JsonNode payload) {
        String task = payload.path("task").asText(null);
        String orgId = payload.path("orgId").asText(null);
        if (task == null || orgId == null || !payload.path("generation").canConvertToLong()) {
            throw new StageFailedException("task payload needs task, orgId and generation: " + payload);
        }
        return new TaskInput(task, orgId, payload.path("generation").asLong(), payload);
    }

    /** A resource id field such as {@code clusterId}. */
    public String id(String field) {
        String id = payload.path(field).asText(null);
        if (id == null) {
            throw new StageFailedException("task " + task + " needs " + field);
        }
        return id;
    }

    /** Polls made so far (0 on the first). */
    public int attempt() {
        return payload.path("attempt").asInt(0);
    }

    /** The caught error's name: the task that records a failure gets the Catch output as {@code error}. */
    public String error() {
        return payload.path("error").path("Error").asText(null);
    }

    /** The caught error's cause, absent for some errors (a timeout has none). */
    public String cause() {
        return payload.path("error").path("Cause").asText(null);
    }
}
