package com.lakesail.backend.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS that answers like a role whose trust policy demands {@link #requiredExternalId}. */
final class FakeSts implements StsClient {
    final List<AssumeRoleRequest> requests = new ArrayList<>();
    String requiredExternalId = "ext-123";
    /** When set, the role also accepts callers without an ExternalId (a badly written trust policy). */
    boolean acceptsMissingExternalId;
    /** The account the assumed-role ARN reports; null means the ARN's own account. */
    String reportedAccount;
    StsException failure;
    Instant expiration = Instant.parse("2026-01-01T00:15:00Z");
    int issued;

    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        requests.add(request);
        if (failure != null) {
            throw failure;
        }
        boolean trusted = requiredExternalId.equals(request.externalId())
                || (request.externalId() == null && acceptsMissingExternalId);
        if (!trusted) {
            throw denied();
        }
        issued++;
        String account = reportedAccount != null ? reportedAccount : request.roleArn().split(":")[4];
        String roleName = request.roleArn().substring(request.roleArn().lastIndexOf('/') + 1);
        return AssumeRoleResponse.builder()
                .assumedRoleUser(AssumedRoleUser.builder()
                        .arn("arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + request.roleSessionName())
                        .assumedRoleId("AROAEXAMPLE:" + request.roleSessionName()).build())
                .credentials(Credentials.builder().accessKeyId("ASIAFAKE" + issued).secretAccessKey("secret" + issued)
                        .sessionToken("token" + issued).expiration(expiration).build())
                .build();
    }

    static StsException denied() {
        return (StsException) StsException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied")
                        .errorMessage("User is not authorized to perform: sts:AssumeRole").build())
                .build();
    }

    static StsException throttled() {
        return (StsException) StsException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling").errorMessage("Rate exceeded").build())
                .build();
    }

    @Override
    public String serviceName() {
        return "sts";
    }

    @Override
    public void close() {
    }
}
