package com.lakesail.backend.service.infra;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.AccessPolicy;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterDefinition;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.Condition;
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
import com.lakesail.backend.service.Versions;
import com.lakesail.backend.service.session.SessionClosings;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.service.workflow.WorkflowStart;
import com.lakesail.backend.store.InfraItems;
import com.lakesail.backend.store.InfraKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * Clusters: create in an active network, resize or change the access policy in place
 * ({@code active → updating → active}), read, list, destroy.
 */
public final class ClusterService {
    private final InfraRecords records;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final InfraWorkflows workflows;
    private final WorkflowOutbox outbox;
    private final SessionClosings sessions;

    @Inject
    public ClusterService(InfraRecords records, Clock clock, Ids ids, Authorizer authorizer, AuditLog audit,
                          InfraWorkflows workflows, WorkflowOutbox outbox, SessionClosings sessions) {
        this.records = records;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
        this.workflows = workflows;
        this.outbox = outbox;
        this.sessions = sessions;
    }

    /** Requested node sizes; a null field keeps the default (on create) or the current value (on update). */
    public record Nodes(String instanceType, Integer min, Integer desired, Integer max, Integer diskGiB) {
        public static final Nodes UNCHANGED = new Nodes(null, null, null, null, null);

        ManagementNodes over(ManagementNodes base) {
            return base.merge(instanceType, min, desired, max, diskGiB);
        }
    }

    /** A requested access policy; {@code present} false when the request had none. */
    public record Access(boolean present, String mode, List<String> allowedCidrs) {
        public static final Access ABSENT = new Access(false, null, null);
    }

    public record Create(String name, String networkId, Nodes nodes, Access access) {
    }

    public record Update(Nodes nodes, Access access, Long version) {
    }

    public Cluster create(Principal principal, String orgId, Create request, Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.CLUSTERS_CREATE, request.networkId());
        Access access = request.access();
        ClusterDefinition d = ClusterDefinition.validate(request.name(), request.networkId(),
                request.nodes().over(ManagementNodes.DEFAULT), access.present() ? access.mode() : null,
                access.present() ? access.allowedCidrs() : null);
        for (int attempt = 1; ; attempt++) {
            Network network = records.network(orgId, d.networkId());
            if (network.status() != NetworkStatus.ACTIVE) {
                throw new ConflictException("network " + network.id() + " is " + Wire.name(network.status())
                        + ": clusters need an active network");
            }
            if (network.orphaned()) {
                throw new ConflictException("network " + network.id() + " is orphaned: its cloud account is disconnected;"
                        + " verify the account again before adding clusters");
            }
            Versioned<InfraItems.Children> children = records.children(orgId, network.id());
            Cluster cluster = Cluster.create(ids.next(Cluster.ID_PREFIX), orgId, d, clock.instant());
            List<Write> writes = new ArrayList<>();
            writes.add(Write.put(InfraItems.cluster(cluster), Condition.notExists()));
            writes.add(Write.put(InfraItems.name(orgId, InfraKind.CLUSTER, d.name(), cluster.id()), Condition.notExists()));
            writes.add(records.childrenWrite(orgId, network.id(), children, children.value().with(cluster.id())));
            // A delete of the network moves its version: the cluster never lands in a destroying network.
            writes.add(Write.check(InfraKeys.network(orgId, network.id()), Condition.versionIs(network.version())));
            writes.add(audit.success(caller, Permission.CLUSTERS_CREATE.wire(), cluster.id()));
            writes.addAll(idempotency.record(cluster));
            WorkflowStart provision = workflows.request(InfraWorkflows.CLUSTER_PROVISION, orgId, "clusterId", cluster.id(),
                    "provision", cluster.version());
            writes.add(outbox.entry(provision));
            if (!Names.committed(records, writes, orgId, InfraKind.CLUSTER, d.name(), attempt)) {
                continue;
            }
            outbox.startCommitted(provision);
            return cluster;
        }
    }

    public Cluster get(Principal principal, String orgId, String id) {
        authorizer.require(principal, orgId, Permission.CLUSTERS_READ, id);
        return records.cluster(orgId, id);
    }

    /** @param networkId null for every cluster of the organization */
    public Page<Cluster> list(Principal principal, String orgId, String networkId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.CLUSTERS_READ, networkId);
        if (networkId == null) {
            return records.listOrg(orgId, InfraKeys.CLUSTER_PREFIX, page, InfraItems::cluster);
        }
        return records.list(Query.Index.GSI1, InfraKeys.clustersOf(orgId, networkId), InfraKeys.CLUSTER_PREFIX, page,
                InfraItems::cluster);
    }

    /**
     * Resizes the node group or changes the access policy of an active cluster, in place. The
     * instance type and disk size would replace every node, so they cannot change here.
     *
     * @param supplied read once the caller is admitted on the cluster, so an id of another tenant
     *                 answers 404 whatever the body
     */
    public Cluster update(Principal principal, String orgId, String id, Supplier<Update> supplied) {
        Caller caller = authorizer.require(principal, orgId, Permission.CLUSTERS_UPDATE, id);
        Update request = supplied.get();
        new Validator().expectedVersion("version", request.version()).throwIfInvalid();
        Cluster current = records.cluster(orgId, id);
        ManagementNodes nodes = request.nodes().over(current.managementNodes());
        Validator v = new Validator();
        nodes.validate(v, "managementNodes");
        v.require(nodes.instanceType().equals(current.managementNodes().instanceType()), "managementNodes.instanceType",
                "cannot change in place (it would replace every node); create a new cluster");
        v.require(nodes.diskGiB() == current.managementNodes().diskGiB(), "managementNodes.diskGiB",
                "cannot change in place (it would replace every node); create a new cluster");
        AccessPolicy policy = request.access().present()
                ? AccessPolicy.from(v, "accessPolicy", request.access().mode(), request.access().allowedCidrs())
                : current.accessPolicy();
        v.throwIfInvalid();
        Versions.require("cluster", id, current.version(), request.version());
        // Only an active cluster takes a PATCH, even one that changes nothing.
        ClusterStatus.LIFECYCLE.check(current.status(), ClusterStatus.UPDATING);
        boolean unchanged = nodes.equals(current.managementNodes()) && Objects.equals(policy, current.accessPolicy());
        // Even a PATCH that changes nothing writes the next version: two callers holding one version
        // never both succeed. Only a real change starts the update workflow.
        Cluster next = unchanged ? current.touched(clock.instant()) : current.update(nodes, policy, clock.instant());
        List<Write> writes = new ArrayList<>(List.of(Write.put(InfraItems.cluster(next), Condition.versionIs(current.version())),
                audit.success(caller, Permission.CLUSTERS_UPDATE.wire(), id)));
        if (unchanged) {
            records.store().transact(writes);
            return next;
        }
        WorkflowStart update = workflows.request(InfraWorkflows.CLUSTER_UPDATE, orgId, "clusterId", id, "update",
                next.version());
        writes.add(outbox.entry(update));
        records.store().transact(writes);
        outbox.startCommitted(update);
        return next;
    }

    /**
     * Starts destroying the cluster: {@code active} or {@code failed} → {@code destroying}. Its open
     * sessions close at once (their engines run on it); a session opened meanwhile fails to start,
     * since the cluster is no longer active.
     */
    public Cluster delete(Principal principal, String orgId, String id) {
        Caller caller = authorizer.require(principal, orgId, Permission.CLUSTERS_DELETE, id);
        Cluster current = records.cluster(orgId, id);
        ClusterStatus.LIFECYCLE.check(current.status(), ClusterStatus.DESTROYING);
        Cluster next = current.moveTo(ClusterStatus.DESTROYING, Stage.DELETE_STACK, null, clock.instant());
        WorkflowStart destroy = workflows.request(InfraWorkflows.CLUSTER_DESTROY, orgId, "clusterId", id, "destroy",
                next.version());
        records.store().transact(List.of(Write.put(InfraItems.cluster(next), Condition.versionIs(current.version())),
                audit.success(caller, Permission.CLUSTERS_DELETE.wire(), id), outbox.entry(destroy)));
        outbox.startCommitted(destroy);
        sessions.closeAllOn(orgId, id);
        return next;
    }
}
