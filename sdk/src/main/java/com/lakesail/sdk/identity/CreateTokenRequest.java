package com.lakesail.sdk.identity;

/**
 * Asks for a new API token for the caller.
 *
 * @param name a name to recognise the token by
 * @param expiresInDays days until it expires; null for the service's default
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateTokenRequest(String name, Integer expiresInDays, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).expiresInDays(expiresInDays).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateTokenRequest}. */
    public static final class Builder {
        private String name;
        private Integer expiresInDays;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder expiresInDays(Integer expiresInDays) {
            this.expiresInDays = expiresInDays;
            return this;
        }

        /** Set this to make a create safe to repeat across process restarts, not just retries. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateTokenRequest build() {
            return new CreateTokenRequest(name, expiresInDays, idempotencyKey);
        }
    }
}
