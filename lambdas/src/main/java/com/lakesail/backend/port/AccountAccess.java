package com.lakesail.backend.port;

import java.util.Objects;

/**
 * How the control plane acts in a customer's AWS account: the cross-account role and the ExternalId
 * its trust policy demands.
 */
public record AccountAccess(String awsAccountId, String roleArn, String externalId) {
    public AccountAccess {
        Objects.requireNonNull(awsAccountId, "awsAccountId");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(externalId, "externalId");
    }
}
