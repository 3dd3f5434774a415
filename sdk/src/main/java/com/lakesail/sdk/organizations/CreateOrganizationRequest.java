package com.lakesail.sdk.organizations;

/**
 * Creates an organization; the caller becomes its owner.
 *
 * @param name its name
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateOrganizationRequest(String name, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateOrganizationRequest}. */
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

        public CreateOrganizationRequest build() {
            return new CreateOrganizationRequest(name, idempotencyKey);
        }
    }
}
