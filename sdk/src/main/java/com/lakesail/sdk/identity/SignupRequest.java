package com.lakesail.sdk.identity;

/**
 * Signs a new user up with a first organization, which the user owns.
 *
 * @param email the user's email
 * @param name the user's display name
 * @param organizationName the name of the first organization
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record SignupRequest(String email, String name, String organizationName, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().email(email).name(name).organizationName(organizationName).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link SignupRequest}. */
    public static final class Builder {
        private String email;
        private String name;
        private String organizationName;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder organizationName(String organizationName) {
            this.organizationName = organizationName;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public SignupRequest build() {
            return new SignupRequest(email, name, organizationName, idempotencyKey);
        }
    }
}
