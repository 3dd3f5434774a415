package com.lakesail.sdk.sessions;

/**
 * Lists sessions newest first: the caller's own, or with {@code sessions:read} everyone's or one member's.
 *
 * @param memberId only the sessions this member opened; null for all the caller may read
 * @param limit the page size to ask for; null for the service's default
 */
public record ListSessionsRequest(String memberId, Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ListSessionsRequest}. */
    public static final class Builder {
        private String memberId;
        private Integer limit;

        private Builder() {
        }

        public Builder memberId(String memberId) {
            this.memberId = memberId;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListSessionsRequest build() {
            return new ListSessionsRequest(memberId, limit);
        }
    }
}
