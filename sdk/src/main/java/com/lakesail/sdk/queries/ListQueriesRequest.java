package com.lakesail.sdk.queries;

/**
 * Lists saved queries: of one team (what a team-scoped binding may read), or of the whole organization.
 *
 * @param teamId only this team's queries; null for all
 * @param limit the page size to ask for; null for the service's default
 */
public record ListQueriesRequest(String teamId, Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ListQueriesRequest}. */
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

        public ListQueriesRequest build() {
            return new ListQueriesRequest(teamId, limit);
        }
    }
}
