package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.job.ResultPreview;
import java.util.List;
import java.util.Map;

/**
 * One report of a run's Sail watcher or runner ({@code POST /v1/callbacks/job-runs/{runId}/events}),
 * parsed. Which fields are set depends on the type (the runner protocol in the README).
 */
public record CallbackEvent(Type type, String endpoint, String message, String errorClass, Integer step, Integer steps,
                            String stream, List<String> lines, ResultPreview result, Map<String, Object> metrics) {

    public enum Type {
        SAIL_READY, SAIL_FAILED, STARTED, HEARTBEAT, PROGRESS, LOGS, SUCCEEDED, FAILED;

        /** Only the Sail watcher's credential may report these. */
        boolean fromSail() {
            return this == SAIL_READY || this == SAIL_FAILED;
        }

        /** Only the runner's credential may report these. */
        boolean fromRunner() {
            return this == STARTED || this == PROGRESS || this == SUCCEEDED || this == FAILED;
        }
    }

    public static CallbackEvent of(Type type) {
        return new CallbackEvent(type, null, null, null, null, null, null, null, null, null);
    }
}
