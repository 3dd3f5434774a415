package com.lakesail.sdk.infrastructure;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Cloud accounts: {@code /v1/orgs/{orgId}/cloud-accounts}, in the client's organization. Obtain it
 * from {@code LakeSail.cloudAccounts()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * CloudAccount account = lakesail.cloudAccounts().create(r -> r.name("prod").awsAccountId("123456789012"));
 * System.out.println("Deploy the role: " + account.quickCreateUrl());
 * RoleTemplate template = lakesail.cloudAccounts().roleTemplate(account.id());   // or deploy this yourself
 * CloudAccount active = lakesail.cloudAccounts()
 *     .attachRole(r -> r.cloudAccountId(account.id()).roleArn(roleArn))
 *     .waitUntilActive(Duration.ofMinutes(5), (status, stage, progress) -> System.out.println(status));
 * lakesail.cloudAccounts().verify(active.id()).waitUntilActive(Duration.ofMinutes(5));   // re-check
 * }</pre>
 */
public interface CloudAccountService {

    /**
     * Registers an account; it stays {@code pending} until a role is attached, so this returns the
     * account itself rather than a handle: there is nothing to wait for yet. Retries reuse one
     * {@code Idempotency-Key}, so a retried create never makes two.
     */
    CloudAccount create(CreateCloudAccountRequest request);

    default CloudAccount create(Consumer<CreateCloudAccountRequest.Builder> request) {
        CreateCloudAccountRequest.Builder builder = CreateCloudAccountRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    /** Attaches the role and starts verifying it; wait on the handle for {@code active}. */
    ResourceHandle<CloudAccount> attachRole(AttachRoleRequest request);

    default ResourceHandle<CloudAccount> attachRole(Consumer<AttachRoleRequest.Builder> request) {
        AttachRoleRequest.Builder builder = AttachRoleRequest.builder();
        request.accept(builder);
        return attachRole(builder.build());
    }

    /** Verifies the attached role again, e.g. to repair a {@code failed} or {@code disconnected} account. */
    ResourceHandle<CloudAccount> verify(String cloudAccountId);

    CloudAccount get(String cloudAccountId);

    /**
     * The CloudFormation template of the role to create in the account, with its parameters
     * (RoleName, ExternalId, ControlPlanePrincipalArn). Reads of an account leave it out (it is some
     * 11 KB); this asks for it.
     */
    RoleTemplate roleTemplate(String cloudAccountId);

    /** The organization's cloud accounts, fetched lazily page by page. */
    Paginated<CloudAccount> list(ListCloudAccountsRequest request);

    default Paginated<CloudAccount> list(Consumer<ListCloudAccountsRequest.Builder> request) {
        ListCloudAccountsRequest.Builder builder = ListCloudAccountsRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<CloudAccount> list() {
        return list(ListCloudAccountsRequest.builder().build());
    }

    /**
     * Removes the account at once; refused with a {@link com.lakesail.sdk.exception.ConflictException}
     * while networks live in it.
     */
    void delete(String cloudAccountId);

    /** A handle on an existing account, to wait for it. */
    default ResourceHandle<CloudAccount> handle(String cloudAccountId) {
        return ResourceHandle.of(cloudAccountId, this::get);
    }
}
