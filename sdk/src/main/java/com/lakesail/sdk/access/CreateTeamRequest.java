package com.lakesail.sdk.access;

/**
 * Creates a team; its name is unique in the organization.
 *
 * @param name the team's name
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateTeamRequest(String name, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateTeamRequest}. */
    public static final class Builder {
        private String name;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateTeamRequest build() {
            return new CreateTeamRequest(name, idempotencyKey);
        }
    }
}
