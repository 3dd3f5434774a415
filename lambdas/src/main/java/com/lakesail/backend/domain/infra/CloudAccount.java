package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Validator;
import java.time.Instant;

/**
 * A customer AWS account LakeSail acts in through a cross-account role. The ExternalId is ours,
 * generated per account, so the role cannot be assumed on behalf of another tenant (the confused
 * deputy problem).
 *
 * @param roleArn    null until the customer has created the role and told us its ARN
 * @param stage      the stage in progress or the one a failure stopped at, else null
 * @param verifiedAt the last successful verification, null if never: it decides between
 *                   {@code failed} and {@code disconnected}
 */
public record CloudAccount(String id, String organizationId, String name, String awsAccountId, String externalId,
                           String roleArn, CloudAccountStatus status, String statusReason, Stage stage, int progress,
                           Instant verifiedAt, Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "cac";

    /** @throws com.lakesail.backend.domain.ValidationException naming every bad field */
    public static void validateCreate(String name, String awsAccountId) {
        Validator v = new Validator();
        v.name("name", name);
        AwsRules.accountId(v, "awsAccountId", awsAccountId);
        v.throwIfInvalid();
    }

    public static CloudAccount create(String id, String organizationId, String name, String awsAccountId,
                                      String externalId, Instant at) {
        return new CloudAccount(id, organizationId, name, awsAccountId, externalId, null, CloudAccountStatus.PENDING,
                null, null, 0, null, at, at, 1);
    }

    /** @throws com.lakesail.backend.domain.ValidationException when the ARN is malformed or in another account */
    public void validateRole(String candidateRoleArn) {
        Validator v = new Validator();
        AwsRules.roleArn(v, "roleArn", candidateRoleArn, awsAccountId);
        v.throwIfInvalid();
    }

    /** Sets (or keeps) the role and starts verifying it: {@code PUT .../role} and {@code POST .../verify}. */
    public CloudAccount startVerification(String newRoleArn, Instant at) {
        CloudAccountStatus.LIFECYCLE.check(status, CloudAccountStatus.VERIFYING);
        return new CloudAccount(id, organizationId, name, awsAccountId, externalId, newRoleArn,
                CloudAccountStatus.VERIFYING, null, Stage.VERIFY_ROLE, Stage.VERIFY_ROLE.progress(), verifiedAt,
                createdAt, at, version + 1);
    }

    public CloudAccount verified(Instant at) {
        CloudAccountStatus.LIFECYCLE.check(status, CloudAccountStatus.ACTIVE);
        return new CloudAccount(id, organizationId, name, awsAccountId, externalId, roleArn, CloudAccountStatus.ACTIVE,
                null, null, 100, at, createdAt, at, version + 1);
    }

    /** {@code disconnected} when the account had been verified before, else {@code failed}. */
    public CloudAccount verificationFailed(String reason, Instant at) {
        CloudAccountStatus next = verifiedAt != null ? CloudAccountStatus.DISCONNECTED : CloudAccountStatus.FAILED;
        CloudAccountStatus.LIFECYCLE.check(status, next);
        return new CloudAccount(id, organizationId, name, awsAccountId, externalId, roleArn, next, reason,
                Stage.VERIFY_ROLE, progress, verifiedAt, createdAt, at, version + 1);
    }

    /** Networks and clusters in this account are orphaned while it is disconnected. */
    public boolean orphansResources() {
        return status == CloudAccountStatus.DISCONNECTED;
    }
}
