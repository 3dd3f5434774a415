package com.lakesail.sdk.jobs;

/**
 * Lists jobs: of one team (what a team-scoped binding may read), or of the whole organization.
 *
 * @param teamId only this team's jobs; null for all
 * @param limit the page size to ask for; null for the service's default
 */
public record ListJobsRequest(String teamId, Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ListJobsRequest}. */
    public static final class Builder {
        private String teamId;
        private Integer limit;

        private Builder() {
        }

        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListJobsRequest build() {
            return new ListJobsRequest(teamId, limit);
        }
    }
}
