package com.lakesail.sdk.infrastructure;

/**
 * Registers a customer AWS account. The answer carries the ExternalId and the role template to deploy.
 *
 * <pre>{@code
 * lakesail.cloudAccounts().create(r -> r.name("prod").awsAccountId("123456789012"));
 * }</pre>
 *
 * @param name a name for the account
 * @param awsAccountId the 12-digit AWS account id
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateCloudAccountRequest(String name, String awsAccountId, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).awsAccountId(awsAccountId).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateCloudAccountRequest}. */
    public static final class Builder {
        private String name;
        private String awsAccountId;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder awsAccountId(String awsAccountId) {
            this.awsAccountId = awsAccountId;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateCloudAccountRequest build() {
            return new CreateCloudAccountRequest(name, awsAccountId, idempotencyKey);
        }
    }
}
