package com.lakesail.sdk.jobs;

/**
 * Lists runs newest first, of one job or of the organization, optionally in one status. With a
 * status, a page may hold fewer runs than the limit; the iteration goes on to the next.
 *
 * <pre>{@code
 * for (JobRun run : lakesail.jobRuns().list(r -> r.jobId(job.id()).status(JobRunStatus.FAILED))) { ... }
 * }</pre>
 */
public record ListJobRunsRequest(String jobId, JobRunStatus status, Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ListJobRunsRequest}. */
    public static final class Builder {
        private String jobId;
        private JobRunStatus status;
        private Integer limit;

        private Builder() {
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder status(JobRunStatus status) {
            this.status = status;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListJobRunsRequest build() {
            return new ListJobRunsRequest(jobId, status, limit);
        }
    }
}
