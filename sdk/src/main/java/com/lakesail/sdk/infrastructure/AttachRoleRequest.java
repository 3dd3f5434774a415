package com.lakesail.sdk.infrastructure;

/**
 * Attaches the customer's cross-account role to a cloud account and starts verifying it
 * ({@code PUT .../cloud-accounts/{id}/role}); the account goes {@code verifying}.
 *
 * <pre>{@code
 * lakesail.cloudAccounts().attachRole(r -> r.cloudAccountId(account.id())
 *     .roleArn("arn:aws:iam::123456789012:role/lakesail-control-plane").version(account.version()));
 * }</pre>
 *
 * @param cloudAccountId the cloud account, {@code acc_...}
 * @param roleArn the role's ARN, in the account's own AWS account
 * @param version the version the caller last read; null to attach regardless of concurrent changes
 */
public record AttachRoleRequest(String cloudAccountId, String roleArn, Long version) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().cloudAccountId(cloudAccountId).roleArn(roleArn).version(version);
    }

    /** Builds an {@link AttachRoleRequest}. */
    public static final class Builder {
        private String cloudAccountId;
        private String roleArn;
        private Long version;

        private Builder() {
        }

        public Builder cloudAccountId(String cloudAccountId) {
            this.cloudAccountId = cloudAccountId;
            return this;
        }

        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        /** Convenience for {@code version(Long)} with a literal. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public AttachRoleRequest build() {
            return new AttachRoleRequest(cloudAccountId, roleArn, version);
        }
    }
}
