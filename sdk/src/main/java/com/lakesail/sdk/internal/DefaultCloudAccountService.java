package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.exception.SdkClientException;
import com.lakesail.sdk.infrastructure.AttachRoleRequest;
import com.lakesail.sdk.infrastructure.CloudAccount;
import com.lakesail.sdk.infrastructure.CloudAccountService;
import com.lakesail.sdk.infrastructure.CreateCloudAccountRequest;
import com.lakesail.sdk.infrastructure.ListCloudAccountsRequest;
import com.lakesail.sdk.infrastructure.ResourceHandle;
import com.lakesail.sdk.infrastructure.RoleTemplate;
import java.util.Map;

final class DefaultCloudAccountService implements CloudAccountService {
    private static final String CLOUD_ACCOUNTS = "cloud-accounts";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultCloudAccountService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public CloudAccount create(CreateCloudAccountRequest request) {
        Object body = JsonBody.of("name", request.name(), "awsAccountId", request.awsAccountId());
        return rest.send(ApiRequest.create(paths.of(CLOUD_ACCOUNTS), body, request.idempotencyKey()),
                CloudAccount.class);
    }

    @Override
    public ResourceHandle<CloudAccount> attachRole(AttachRoleRequest request) {
        Object body = JsonBody.of("roleArn", request.roleArn(), "version", request.version());
        ApiRequest put = new ApiRequest("PUT", paths.of(CLOUD_ACCOUNTS, request.cloudAccountId(), "role"), Map.of(),
                body, false, null);
        return ResourceHandle.of(rest.send(put, CloudAccount.class), this::get);
    }

    @Override
    public ResourceHandle<CloudAccount> verify(String cloudAccountId) {
        // The 202 need not carry the account, so the handle reads it when asked.
        rest.send(new ApiRequest("POST", paths.of(CLOUD_ACCOUNTS, cloudAccountId, "verify"), Map.of(), null, false,
                null));
        return ResourceHandle.of(cloudAccountId, this::get);
    }

    @Override
    public CloudAccount get(String cloudAccountId) {
        return rest.send(ApiRequest.get(paths.of(CLOUD_ACCOUNTS, cloudAccountId)), CloudAccount.class);
    }

    @Override
    public RoleTemplate roleTemplate(String cloudAccountId) {
        CloudAccount account = rest.send(ApiRequest.get(paths.of(CLOUD_ACCOUNTS, cloudAccountId))
                .withQuery("include", "roleTemplate"), CloudAccount.class);
        if (account.roleTemplate() == null) {
            throw new SdkClientException("the service sent cloud account " + cloudAccountId + " without its role template");
        }
        return account.roleTemplate();
    }

    @Override
    public Paginated<CloudAccount> list(ListCloudAccountsRequest request) {
        return rest.paginate(ApiRequest.get(paths.of(CLOUD_ACCOUNTS)).withQuery("limit", request.limit()),
                CloudAccount.class);
    }

    @Override
    public void delete(String cloudAccountId) {
        rest.send(ApiRequest.delete(paths.of(CLOUD_ACCOUNTS, cloudAccountId)));
    }
}
