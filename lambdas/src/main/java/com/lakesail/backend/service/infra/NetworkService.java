package com.lakesail.backend.service.infra;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.CloudAccountStatus;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Ipv4Cidr;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkDefinition;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
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
import javax.inject.Inject;

/**
 * Networks: create (CIDR checked against the live networks of the same account and region, in the
 * same transaction that claims it), read, list, delete (refused while clusters live in it).
 */
public final class NetworkService {
    private static final int DEFAULT_ZONES = 3;

    private final InfraRecords records;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final InfraWorkflows workflows;
    private final WorkflowOutbox outbox;

    @Inject
    public NetworkService(InfraRecords records, Clock clock, Ids ids, Authorizer authorizer, AuditLog audit,
                          InfraWorkflows workflows, WorkflowOutbox outbox) {
        this.records = records;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
        this.workflows = workflows;
        this.outbox = outbox;
    }

    /** @param availabilityZones null for the region's first three zones ({@code a}, {@code b}, {@code c}) */
    public record Create(String name, String cloudAccountId, String region, String cidr, List<String> availabilityZones) {
    }

    public Network create(Principal principal, String orgId, Create request, Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.NETWORKS_CREATE, request.cloudAccountId());
        List<String> zones = request.availabilityZones() != null || request.region() == null
                ? request.availabilityZones() : defaultZones(request.region());
        NetworkDefinition d = NetworkDefinition.validate(request.name(), request.cloudAccountId(), request.region(),
                request.cidr(), zones);
        for (int attempt = 1; ; attempt++) {
            CloudAccount account = records.cloudAccount(orgId, d.cloudAccountId());
            if (account.status() != CloudAccountStatus.ACTIVE) {
                throw new ConflictException("cloud account " + account.id() + " is " + Wire.name(account.status())
                        + ": networks need an active (verified) account");
            }
            Versioned<InfraItems.CidrAllocation> cidrs = records.cidrs(orgId, account.id(), d.region());
            requireNoOverlap(d.cidr(), cidrs.value());
            Versioned<InfraItems.Children> children = records.children(orgId, account.id());
            Network network = Network.create(ids.next(Network.ID_PREFIX), orgId, d, clock.instant());
            List<Write> writes = new ArrayList<>();
            writes.add(Write.put(InfraItems.network(network), Condition.notExists()));
            writes.add(Write.put(InfraItems.name(orgId, InfraKind.NETWORK, d.name(), network.id()), Condition.notExists()));
            writes.add(Write.put(InfraItems.cidrs(orgId, account.id(), d.region(),
                    cidrs.value().with(network.id(), network.cidr()), cidrs.nextVersion()), cidrs.condition()));
            writes.add(records.childrenWrite(orgId, account.id(), children, children.value().with(network.id())));
            // Deleting the account (or starting its re-verification) moves its version: no network in a gone account.
            writes.add(Write.check(InfraKeys.cloudAccount(orgId, account.id()), Condition.versionIs(account.version())));
            writes.add(audit.success(caller, Permission.NETWORKS_CREATE.wire(), network.id()));
            writes.addAll(idempotency.record(network));
            WorkflowStart provision = workflows.request(InfraWorkflows.NETWORK_PROVISION, orgId, "networkId", network.id(),
                    "provision", network.version());
            writes.add(outbox.entry(provision));
            if (!Names.committed(records, writes, orgId, InfraKind.NETWORK, d.name(), attempt)) {
                continue;
            }
            outbox.startCommitted(provision);
            return network;
        }
    }

    public Network get(Principal principal, String orgId, String id) {
        authorizer.require(principal, orgId, Permission.NETWORKS_READ, id);
        return records.network(orgId, id);
    }

    /** @param cloudAccountId null for every network of the organization */
    public Page<Network> list(Principal principal, String orgId, String cloudAccountId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.NETWORKS_READ, cloudAccountId);
        if (cloudAccountId == null) {
            return records.listOrg(orgId, InfraKeys.NETWORK_PREFIX, page, InfraItems::network);
        }
        return records.list(Query.Index.GSI1, InfraKeys.networksOf(orgId, cloudAccountId), InfraKeys.NETWORK_PREFIX,
                page, InfraItems::network);
    }

    /** Starts destroying the network: {@code active} or {@code failed} → {@code destroying}. */
    public Network delete(Principal principal, String orgId, String id) {
        Caller caller = authorizer.require(principal, orgId, Permission.NETWORKS_DELETE, id);
        Network current = records.network(orgId, id);
        NetworkStatus.LIFECYCLE.check(current.status(), NetworkStatus.DESTROYING);
        Versioned<InfraItems.Children> children = records.children(orgId, id);
        if (!children.value().ids().isEmpty()) {
            throw new ConflictException("network " + id + " still holds clusters " + String.join(", ",
                    children.value().ids()) + ": destroy them first");
        }
        Network next = current.moveTo(NetworkStatus.DESTROYING, Stage.DELETE_STACK, null, clock.instant());
        WorkflowStart destroy = workflows.request(InfraWorkflows.NETWORK_DESTROY, orgId, "networkId", id, "destroy",
                next.version());
        try {
            records.store().transact(List.of(
                    Write.put(InfraItems.network(next), Condition.versionIs(current.version())),
                    records.noChildren(orgId, id, children),
                    audit.success(caller, Permission.NETWORKS_DELETE.wire(), id),
                    outbox.entry(destroy)));
        } catch (ConditionFailedException e) {
            throw new ConflictException("network " + id + " changed meanwhile (a cluster may have been created in it)");
        }
        outbox.startCommitted(destroy);
        return next;
    }

    private static void requireNoOverlap(Ipv4Cidr cidr, InfraItems.CidrAllocation allocation) {
        for (Map.Entry<String, String> live : allocation.cidrs().entrySet()) {
            if (cidr.overlaps(Ipv4Cidr.parse(live.getValue()))) {
                throw ValidationException.of("cidr", "overlaps " + live.getValue() + " of network " + live.getKey()
                        + " in the same cloud account and region");
            }
        }
    }

    private static List<String> defaultZones(String region) {
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < DEFAULT_ZONES; i++) {
            zones.add(region + (char) ('a' + i));
        }
        return zones;
    }
}
