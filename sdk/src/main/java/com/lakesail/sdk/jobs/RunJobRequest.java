package com.lakesail.sdk.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a run of a job's live version. Only parameters the version declares may be passed; values
 * are strings, numbers or booleans (dates and timestamps as ISO-8601 strings).
 *
 * <pre>{@code
 * JobRunHandle run = lakesail.jobs().run(r -> r.jobId(job.id()).parameter("day", "2026-12-01").parameter("limit", 10));
 * }</pre>
 */
public record RunJobRequest(String jobId, Map<String, Object> parameters, String idempotencyKey) {

    public RunJobRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RunJobRequest}. */
    public static final class Builder {
        private String jobId;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private String idempotencyKey;

        private Builder() {
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        public Builder parameters(Map<String, Object> values) {
            parameters.putAll(values);
            return this;
        }

        /** A key of your own, e.g. the event that caused the run, so a repeat starts nothing new. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public RunJobRequest build() {
            return new RunJobRequest(jobId, parameters, idempotencyKey);
        }
    }
}
