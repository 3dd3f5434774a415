package com.lakesail.sdk.access;

import java.time.Instant;

/**
 * Reads the audit log, newest first, optionally filtered.
 *
 * @param actorId only events by this user id; null for all
 * @param targetId only events on this resource id; null for all
 * @param from only events at or after this instant; null for no bound
 * @param to only events before this instant; null for no bound
 * @param limit the page size to ask for; null for the service's default
 */
public record ListAuditEventsRequest(String actorId, String targetId, Instant from, Instant to, Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().actorId(actorId).targetId(targetId).from(from).to(to).limit(limit);
    }

    /** Builds a {@link ListAuditEventsRequest}. */
    public static final class Builder {
        private String actorId;
        private String targetId;
        private Instant from;
        private Instant to;
        private Integer limit;

        private Builder() {
        }

        public Builder actorId(String actorId) {
            this.actorId = actorId;
            return this;
        }

        public Builder targetId(String targetId) {
            this.targetId = targetId;
            return this;
        }

        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListAuditEventsRequest build() {
            return new ListAuditEventsRequest(actorId, targetId, from, to, limit);
        }
    }
}
