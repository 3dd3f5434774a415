package com.lakesail.backend.service.infra;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.RoleSetup;
import com.lakesail.backend.port.RoleSetups;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.Caller;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.service.Versions;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.service.workflow.WorkflowStart;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.store.InfraKeys;
import com.lakesail.backend.store.Items;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * Cloud accounts: create (with a fresh ExternalId and the role template), set the role and verify it
 * through the {@code CloudAccountVerify} workflow, read, delete (refused while networks or managed
 * catalogs live in the account).
 */
public final class CloudAccountService {
    /** 24 random bytes as hex: 48 characters, inside the role template's ExternalId pattern. */
    private static final int EXTERNAL_ID_BYTES = 24;

    private final InfraRecords records;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final RoleSetups roleSetups;
    private final InfraWorkflows workflows;
    private final WorkflowOutbox outbox;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public CloudAccountService(InfraRecords records, Clock clock, Ids ids, Authorizer authorizer, AuditLog audit,
                               RoleSetups roleSetups, InfraWorkflows workflows, WorkflowOutbox outbox) {
        this.records = records;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
        this.roleSetups = roleSetups;
        this.workflows = workflows;
        this.outbox = outbox;
    }

    /** An account as the API shows it: with what the customer needs to create its role. */
    public record Details(CloudAccount account, RoleSetup roleSetup) {
    }

    public Details create(Principal principal, String orgId, String name, String awsAccountId, Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.CLOUD_ACCOUNTS_CREATE);
        CloudAccount.validateCreate(name, awsAccountId);
        records.store().get(InfraKeys.awsAccount(orgId, awsAccountId)).ifPresent(guard -> {
            throw new ConflictException("AWS account " + awsAccountId + " is already connected to this organization as "
                    + Items.decode(guard, InfraItems.NameOwner.class).resourceId());
        });
        byte[] secret = new byte[EXTERNAL_ID_BYTES];
        random.nextBytes(secret);
        CloudAccount account = CloudAccount.create(ids.next(CloudAccount.ID_PREFIX), orgId, name, awsAccountId,
                HexFormat.of().formatHex(secret), clock.instant());
        Details details = details(account);
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(InfraItems.cloudAccount(account), Condition.notExists()));
        writes.add(Write.put(InfraItems.name(orgId, InfraKind.CLOUD_ACCOUNT, name, account.id()), Condition.notExists()));
        writes.add(Write.put(InfraItems.awsAccount(orgId, awsAccountId, account.id()), Condition.notExists()));
        writes.add(audit.success(caller, Permission.CLOUD_ACCOUNTS_CREATE.wire(), account.id()));
        writes.addAll(idempotency.record(details));
        Names.commit(records, writes, orgId, InfraKind.CLOUD_ACCOUNT, name);
        return details;
    }

    public Details get(Principal principal, String orgId, String id) {
        authorizer.require(principal, orgId, Permission.CLOUD_ACCOUNTS_READ, id);
        return details(records.cloudAccount(orgId, id));
    }

    public Page<Details> list(Principal principal, String orgId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.CLOUD_ACCOUNTS_READ);
        return records.listOrg(orgId, InfraKeys.CLOUD_ACCOUNT_PREFIX, page, i -> details(InfraItems.cloudAccount(i)));
    }

    public record SetRole(String roleArn, Long version) {
    }

    /**
     * {@code PUT .../role}: records the role and starts verifying it.
     *
     * @param request read once the caller is admitted on the account, so an id of another tenant
     *                answers 404 whatever the body; its version is the one the caller read, or null
     */
    public Details setRole(Principal principal, String orgId, String id, Supplier<SetRole> request) {
        Caller caller = authorizer.require(principal, orgId, Permission.CLOUD_ACCOUNTS_UPDATE, id);
        SetRole role = request.get();
        CloudAccount current = records.cloudAccount(orgId, id);
        current.validateRole(role.roleArn());
        Versions.require("cloud account", current.id(), current.version(), role.version());
        return startVerification(caller, current, role.roleArn());
    }

    /** {@code POST .../verify}: verifies the recorded role again (repairs a failed or disconnected account). */
    public Details verify(Principal principal, String orgId, String id) {
        Caller caller = authorizer.require(principal, orgId, Permission.CLOUD_ACCOUNTS_UPDATE, id);
        CloudAccount current = records.cloudAccount(orgId, id);
        if (current.roleArn() == null) {
            throw new ConflictException("cloud account " + id + " has no role yet: PUT its role first");
        }
        return startVerification(caller, current, current.roleArn());
    }

    public void delete(Principal principal, String orgId, String id) {
        Caller caller = authorizer.require(principal, orgId, Permission.CLOUD_ACCOUNTS_DELETE, id);
        CloudAccount current = records.cloudAccount(orgId, id);
        Versioned<InfraItems.Children> children = records.children(orgId, id);
        if (!children.value().ids().isEmpty()) {
            throw new ConflictException("cloud account " + id + " still holds " + String.join(", ", children.value().ids())
                    + ": destroy them first");
        }
        List<Write> writes = new ArrayList<>();
        writes.add(Write.delete(InfraKeys.cloudAccount(orgId, id), Condition.versionIs(current.version())));
        writes.add(records.releaseName(orgId, InfraKind.CLOUD_ACCOUNT, current.name()));
        writes.add(Write.delete(InfraKeys.awsAccount(orgId, current.awsAccountId()), Condition.none()));
        writes.addAll(records.dropGuards(orgId, id, children));
        writes.add(audit.success(caller, Permission.CLOUD_ACCOUNTS_DELETE.wire(), id));
        try {
            records.store().transact(writes);
        } catch (ConditionFailedException e) {
            throw new ConflictException("cloud account " + id + " changed meanwhile (a network may have been created in it)");
        }
    }

    private Details startVerification(Caller caller, CloudAccount current, String roleArn) {
        CloudAccount next = current.startVerification(roleArn, clock.instant());
        WorkflowStart verify = workflows.request(InfraWorkflows.CLOUD_ACCOUNT_VERIFY, current.organizationId(),
                "cloudAccountId", current.id(), "verify", next.version());
        records.store().transact(List.of(
                Write.put(InfraItems.cloudAccount(next), Condition.versionIs(current.version())),
                audit.success(caller, Permission.CLOUD_ACCOUNTS_UPDATE.wire(), current.id()),
                outbox.entry(verify)));
        outbox.startCommitted(verify);
        return details(next);
    }

    private Details details(CloudAccount account) {
        return new Details(account, roleSetups.roleSetup(account.id(), account.externalId()));
    }
}
