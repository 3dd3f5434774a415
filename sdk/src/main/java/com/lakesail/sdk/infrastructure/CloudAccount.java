package com.lakesail.sdk.infrastructure;

import java.time.Instant;

/**
 * A customer AWS account LakeSail works in through a cross-account IAM role. Create it, have the
 * customer deploy the role's template ({@link CloudAccountService#roleTemplate(String)}, or open
 * {@link #quickCreateUrl()}), then attach the
 * role's ARN: LakeSail assumes the role with {@link #externalId()} and the account becomes active.
 *
 * <pre>{@code
 * CloudAccount account = lakesail.cloudAccounts().create(r -> r.name("prod").awsAccountId("123456789012"));
 * System.out.println("Deploy the role: " + account.quickCreateUrl());
 * CloudAccount active = lakesail.cloudAccounts()
 *     .attachRole(r -> r.cloudAccountId(account.id()).roleArn(roleArn))
 *     .waitUntilActive(Duration.ofMinutes(5));
 * }</pre>
 *
 * @param id the cloud account id, {@code acc_...}
 * @param name its name
 * @param awsAccountId the 12-digit AWS account id
 * @param externalId the {@code sts:ExternalId} the role must require; generated per account
 * @param roleArn the attached role; null until one is attached
 * @param roleTemplate the CloudFormation template of the role to deploy in the account; null unless asked
 *     for ({@link CloudAccountService#roleTemplate(String)})
 * @param quickCreateUrl a CloudFormation console link that deploys the template with its parameters
 * @param status where it is in its lifecycle
 * @param statusReason why it is in its status, e.g. the error that failed it; may be null
 * @param stage the step of the current work, or the one a failure stopped at, in lower snake case
 *     (e.g. {@code create_stack}); may be null
 * @param progress how far the current work is, 0 to 100
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version increases on every change; the expected version of an update
 */
public record CloudAccount(String id, String name, String awsAccountId, String externalId, String roleArn,
        RoleTemplate roleTemplate, String quickCreateUrl, CloudAccountStatus status, String statusReason,
        String stage, int progress, Instant createdAt, Instant updatedAt, long version)
        implements InfrastructureResource {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).name(name).awsAccountId(awsAccountId).externalId(externalId).roleArn(roleArn)
                .roleTemplate(roleTemplate).quickCreateUrl(quickCreateUrl).status(status).statusReason(statusReason)
                .stage(stage).progress(progress).createdAt(createdAt).updatedAt(updatedAt).version(version);
    }

    /** Builds a {@link CloudAccount}. */
    public static final class Builder {
        private String id;
        private String name;
        private String awsAccountId;
        private String externalId;
        private String roleArn;
        private RoleTemplate roleTemplate;
        private String quickCreateUrl;
        private CloudAccountStatus status;
        private String statusReason;
        private String stage;
        private int progress;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder awsAccountId(String awsAccountId) {
            this.awsAccountId = awsAccountId;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        public Builder roleTemplate(RoleTemplate roleTemplate) {
            this.roleTemplate = roleTemplate;
            return this;
        }

        public Builder quickCreateUrl(String quickCreateUrl) {
            this.quickCreateUrl = quickCreateUrl;
            return this;
        }

        public Builder status(CloudAccountStatus status) {
            this.status = status;
            return this;
        }

        public Builder statusReason(String statusReason) {
            this.statusReason = statusReason;
            return this;
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder progress(int progress) {
            this.progress = progress;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public CloudAccount build() {
            return new CloudAccount(id, name, awsAccountId, externalId, roleArn, roleTemplate, quickCreateUrl, status,
                    statusReason, stage, progress, createdAt, updatedAt, version);
        }
    }
}
