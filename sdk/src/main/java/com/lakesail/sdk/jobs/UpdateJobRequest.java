package com.lakesail.sdk.jobs;

/**
 * Renames, redescribes or moves a job to another team, if it is still at {@code version}; null
 * fields keep their values. Moving a job needs {@code jobs:create} in the target team.
 *
 * <pre>{@code
 * lakesail.jobs().update(r -> r.jobId(job.id()).name("nightly-sales").version(job.version()));
 * }</pre>
 */
public record UpdateJobRequest(String jobId, String name, String description, String teamId, Long version) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateJobRequest}. */
    public static final class Builder {
        private String jobId;
        private String name;
        private String description;
        private String teamId;
        private Long version;

        private Builder() {
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return this;
        }

        /** The job's {@code version} as you read it. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public UpdateJobRequest build() {
            return new UpdateJobRequest(jobId, name, description, teamId, version);
        }
    }
}
