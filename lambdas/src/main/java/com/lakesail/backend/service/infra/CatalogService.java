package com.lakesail.backend.service.infra;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogDefinition;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.CloudAccountStatus;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.Caller;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.service.workflow.WorkflowStart;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.store.InfraKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Catalogs: bring-your-own kinds are validated and {@code active} at once, and deleting one just
 * removes it; a managed catalog is provisioned in a cloud account and destroyed by its workflows.
 */
public final class CatalogService {
    private final InfraRecords records;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final InfraWorkflows workflows;
    private final WorkflowOutbox outbox;

    @Inject
    public CatalogService(InfraRecords records, Clock clock, Ids ids, Authorizer authorizer, AuditLog audit,
                          InfraWorkflows workflows, WorkflowOutbox outbox) {
        this.records = records;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
        this.workflows = workflows;
        this.outbox = outbox;
    }

    /** @param config the request's {@code config} object, values as sent */
    public record Create(String name, String kind, Map<String, ?> config, String cloudAccountId) {
    }

    public Catalog create(Principal principal, String orgId, Create request, Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.CATALOGS_CREATE, request.cloudAccountId());
        CatalogDefinition d = CatalogDefinition.validate(request.name(), request.kind(), request.config(),
                request.cloudAccountId());
        for (int attempt = 1; ; attempt++) {
            Catalog catalog = Catalog.create(ids.next(Catalog.ID_PREFIX), orgId, d, clock.instant());
            List<Write> writes = new ArrayList<>();
            writes.add(Write.put(InfraItems.catalog(catalog), Condition.notExists()));
            writes.add(Write.put(InfraItems.name(orgId, InfraKind.CATALOG, d.name(), catalog.id()), Condition.notExists()));
            WorkflowStart provision = null;
            if (d.kind().provisioned()) {
                writes.addAll(claimAccount(orgId, d.cloudAccountId(), catalog.id()));
                provision = workflows.request(InfraWorkflows.CATALOG_PROVISION, orgId, "catalogId", catalog.id(), "provision",
                        catalog.version());
                writes.add(outbox.entry(provision));
            }
            writes.add(audit.success(caller, Permission.CATALOGS_CREATE.wire(), catalog.id()));
            writes.addAll(idempotency.record(catalog));
            if (!Names.committed(records, writes, orgId, InfraKind.CATALOG, d.name(), attempt)) {
                continue;
            }
            if (provision != null) {
                outbox.startCommitted(provision);
            }
            return catalog;
        }
    }

    public Catalog get(Principal principal, String orgId, String id) {
        authorizer.require(principal, orgId, Permission.CATALOGS_READ, id);
        return records.catalog(orgId, id);
    }

    public Page<Catalog> list(Principal principal, String orgId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.CATALOGS_READ);
        return records.listOrg(orgId, InfraKeys.CATALOG_PREFIX, page, InfraItems::catalog);
    }

    /**
     * Removes a bring-your-own catalog (empty result), or starts destroying a managed one (the
     * catalog, now {@code destroying}).
     */
    public Optional<Catalog> delete(Principal principal, String orgId, String id) {
        Caller caller = authorizer.require(principal, orgId, Permission.CATALOGS_DELETE, id);
        Catalog current = records.catalog(orgId, id);
        Write audited = audit.success(caller, Permission.CATALOGS_DELETE.wire(), id);
        if (!current.kind().provisioned()) {
            records.store().transact(List.of(Write.delete(InfraKeys.catalog(orgId, id), Condition.versionIs(current.version())),
                    records.releaseName(orgId, InfraKind.CATALOG, current.name()), audited));
            return Optional.empty();
        }
        current.lifecycle().check(current.status(), CatalogStatus.DESTROYING);
        Catalog next = current.moveTo(CatalogStatus.DESTROYING, Stage.DELETE_STACK, null, clock.instant());
        WorkflowStart destroy = workflows.request(InfraWorkflows.CATALOG_DESTROY, orgId, "catalogId", id, "destroy",
                next.version());
        records.store().transact(List.of(Write.put(InfraItems.catalog(next), Condition.versionIs(current.version())), audited,
                outbox.entry(destroy)));
        outbox.startCommitted(destroy);
        return Optional.of(next);
    }

    /**
     * The account must be active; the catalog joins its live children in the create's transaction,
     * which also fails if the account changes (is deleted) meanwhile.
     */
    private List<Write> claimAccount(String orgId, String cloudAccountId, String catalogId) {
        CloudAccount account = records.cloudAccount(orgId, cloudAccountId);
        if (account.status() != CloudAccountStatus.ACTIVE) {
            throw new ConflictException("cloud account " + account.id() + " is " + Wire.name(account.status())
                    + ": managed catalogs need an active (verified) account");
        }
        Versioned<InfraItems.Children> children = records.children(orgId, account.id());
        return List.of(records.childrenWrite(orgId, account.id(), children, children.value().with(catalogId)),
                Write.check(InfraKeys.cloudAccount(orgId, account.id()), Condition.versionIs(account.version())));
    }
}
