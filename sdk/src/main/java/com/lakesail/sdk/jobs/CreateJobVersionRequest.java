package com.lakesail.sdk.jobs;

import java.util.function.Consumer;

/**
 * A new draft version of a job; promote it to make it live.
 *
 * <pre>{@code
 * JobVersion draft = lakesail.jobs().createVersion(r -> r.jobId(job.id()).basedOn(1)
 *     .definition(live.definition().toBuilder().timeoutSeconds(7200).build()));
 * lakesail.jobs().promote(job.id(), draft.versionNumber());
 * }</pre>
 *
 * @param basedOn the version it derives from; null for the live one
 */
public record CreateJobVersionRequest(String jobId, JobDefinition definition, Integer basedOn, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreateJobVersionRequest}. */
    public static final class Builder {
        private String jobId;
        private JobDefinition definition;
        private Integer basedOn;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder definition(JobDefinition definition) {
            this.definition = definition;
            return this;
        }

        public Builder definition(Consumer<JobDefinition.Builder> definition) {
            JobDefinition.Builder builder = JobDefinition.builder();
            definition.accept(builder);
            return definition(builder.build());
        }

        public Builder basedOn(Integer basedOn) {
            this.basedOn = basedOn;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateJobVersionRequest build() {
            return new CreateJobVersionRequest(jobId, definition, basedOn, idempotencyKey);
        }
    }
}
