package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.StackRequest;
import com.lakesail.backend.port.StackState;
import com.lakesail.backend.port.WorkloadTarget;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.store.InfraItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The tasks of {@code ClusterProvision} (createStack, checkCreate, bootstrap), {@code ClusterUpdate}
 * (updateStack, checkUpdate) and {@code ClusterDestroy} (deleteStack, checkDelete), and
 * {@code cluster.fail} for all three. The cluster's stack lives in its network's account and region.
 */
public final class ClusterTasks {
    private static final String ID = "clusterId";
    /** Where a create poll's progress stops: the bootstrap stage starts at {@link Stage#BOOTSTRAP_KUBERNETES}'s. */
    private static final int CREATE_CAP = Stage.BOOTSTRAP_KUBERNETES.progress() - 1;

    private final Steps steps;
    private final CloudProvider cloud;
    private final ComputeRuntime runtime;

    @Inject
    public ClusterTasks(Steps steps, CloudProvider cloud, ComputeRuntime runtime) {
        this.steps = steps;
        this.cloud = cloud;
        this.runtime = runtime;
    }

    Map<String, Task> tasks() {
        return Map.of("cluster.createStack", this::createStack, "cluster.checkCreate", this::checkCreate,
                "cluster.bootstrap", this::bootstrap, "cluster.updateStack", this::updateStack,
                "cluster.checkUpdate", this::checkUpdate, "cluster.deleteStack", this::deleteStack,
                "cluster.checkDelete", this::checkDelete, "cluster.fail", this::fail);
    }

    private JsonNode createStack(TaskInput in) {
        Cluster c = load(in, ClusterStatus.PENDING, ClusterStatus.PROVISIONING);
        if (c.status() == ClusterStatus.PENDING) {
            c = save(c, c.moveTo(ClusterStatus.PROVISIONING, Stage.CREATE_STACK, null, steps.now()));
        }
        cloud.createStack(request(in, c, Stage.CREATE_STACK));
        if (c.stage() == Stage.CREATE_STACK) {
            save(c, c.moveTo(ClusterStatus.PROVISIONING, Stage.WAIT_FOR_CREATE, null, steps.now()));
        }
        return Steps.polled(false, 0);
    }

    /** Once the EKS stack is complete: the endpoint is recorded and Kubernetes is next. */
    private JsonNode checkCreate(TaskInput in) {
        Cluster c = load(in, ClusterStatus.PROVISIONING, ClusterStatus.ACTIVE);
        if (c.status() == ClusterStatus.ACTIVE || c.stage() == Stage.BOOTSTRAP_KUBERNETES) {
            return Steps.ok();
        }
        StackState state = describe(in, c).orElseThrow(() -> new StageFailedException("the EKS stack disappeared"));
        switch (state.status()) {
            case COMPLETE -> {
                save(c, c.withEndpoint(state.outputs().get(InfraStacks.OUT_ENDPOINT), steps.now())
                        .moveTo(ClusterStatus.PROVISIONING, Stage.BOOTSTRAP_KUBERNETES, null, steps.now()));
                return Steps.ok();
            }
            case IN_PROGRESS -> {
                save(c, c.withProgress(Steps.progress(Stage.WAIT_FOR_CREATE, in.attempt() + 1, CREATE_CAP), steps.now()));
                return Steps.polled(false, in.attempt() + 1);
            }
            default -> throw new StageFailedException(state.reason() == null ? "the EKS stack failed" : state.reason());
        }
    }

    /** Namespaces, the Sail service account and its RBAC, created or replaced; then the cluster is active. */
    private JsonNode bootstrap(TaskInput in) {
        Cluster c = load(in, ClusterStatus.PROVISIONING, ClusterStatus.ACTIVE);
        if (c.status() == ClusterStatus.ACTIVE) {
            return Steps.ok();
        }
        Network n = steps.records().network(in.orgId(), c.networkId());
        AccountAccess access = steps.access(in.orgId(), n.cloudAccountId());
        runtime.bootstrap(new WorkloadTarget(c.id(), InfraStacks.stackName(c.id()), n.region(), access));
        save(c, c.moveTo(ClusterStatus.ACTIVE, null, null, steps.now()));
        return Steps.ok();
    }

    private JsonNode updateStack(TaskInput in) {
        Cluster c = load(in, ClusterStatus.UPDATING);
        cloud.updateStack(request(in, c, Stage.UPDATE_STACK));
        if (c.stage() == Stage.UPDATE_STACK) {
            save(c, c.moveTo(ClusterStatus.UPDATING, Stage.WAIT_FOR_UPDATE, null, steps.now()));
        }
        return Steps.polled(false, 0);
    }

    private JsonNode checkUpdate(TaskInput in) {
        Cluster c = load(in, ClusterStatus.UPDATING, ClusterStatus.ACTIVE);
        if (c.status() == ClusterStatus.ACTIVE) {
            return Steps.ok();
        }
        StackState state = describe(in, c).orElseThrow(() -> new StageFailedException("the EKS stack disappeared"));
        switch (state.status()) {
            case COMPLETE -> {
                save(c, c.moveTo(ClusterStatus.ACTIVE, null, null, steps.now()));
                return Steps.ok();
            }
            case IN_PROGRESS -> {
                save(c, c.withProgress(Steps.progress(Stage.WAIT_FOR_UPDATE, in.attempt() + 1, 95), steps.now()));
                return Steps.polled(false, in.attempt() + 1);
            }
            default -> throw new StageFailedException(state.reason() == null ? "updating the EKS stack failed" : state.reason());
        }
    }

    private JsonNode deleteStack(TaskInput in) {
        Cluster c = load(in, ClusterStatus.DESTROYING);
        Network n = steps.records().network(in.orgId(), c.networkId());
        cloud.deleteStack(InfraStacks.ref(steps.access(in.orgId(), n.cloudAccountId()), n.region(), c.id()),
                InfraStacks.token(c.id(), Stage.DELETE_STACK, in.generation()));
        if (c.stage() == Stage.DELETE_STACK) {
            save(c, c.moveTo(ClusterStatus.DESTROYING, Stage.WAIT_FOR_DELETE, null, steps.now()));
        }
        return Steps.polled(false, 0);
    }

    /** Once the stack is gone: destroyed, and its network and name are free. */
    private JsonNode checkDelete(TaskInput in) {
        Cluster c = load(in, ClusterStatus.DESTROYING, ClusterStatus.DESTROYED);
        if (c.status() == ClusterStatus.DESTROYED) {
            return Steps.ok();
        }
        Optional<StackState> state = describe(in, c);
        if (state.isPresent() && state.get().status() == StackState.Status.FAILED) {
            throw new StageFailedException(state.get().reason() == null ? "deleting the EKS stack failed" : state.get().reason());
        }
        if (state.isPresent()) {
            save(c, c.withProgress(Steps.progress(Stage.WAIT_FOR_DELETE, in.attempt() + 1, 95), steps.now()));
            return Steps.polled(false, in.attempt() + 1);
        }
        InfraRecords records = steps.records();
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(InfraItems.cluster(c.moveTo(ClusterStatus.DESTROYED, null, null, steps.now())),
                Condition.versionIs(c.version())));
        writes.add(records.releaseName(in.orgId(), InfraKind.CLUSTER, c.name()));
        writes.addAll(records.releaseChild(in.orgId(), c.networkId(), c.id()));
        records.store().transact(writes);
        return Steps.ok();
    }

    private JsonNode fail(TaskInput in) {
        Cluster c = steps.records().cluster(in.orgId(), in.id(ID));
        if (c.status() == ClusterStatus.PENDING || c.status() == ClusterStatus.PROVISIONING
                || c.status() == ClusterStatus.UPDATING || c.status() == ClusterStatus.DESTROYING) {
            save(c, c.moveTo(ClusterStatus.FAILED, null, Steps.reason(in), steps.now()));
        }
        return Steps.ok();
    }

    private StackRequest request(TaskInput in, Cluster c, Stage operation) {
        Network n = steps.records().network(in.orgId(), c.networkId());
        AccountAccess access = steps.access(in.orgId(), n.cloudAccountId());
        return InfraStacks.cluster(access, n, c, InfraStacks.token(c.id(), operation, in.generation()));
    }

    private Optional<StackState> describe(TaskInput in, Cluster c) {
        Network n = steps.records().network(in.orgId(), c.networkId());
        return cloud.describeStack(InfraStacks.ref(steps.access(in.orgId(), n.cloudAccountId()), n.region(), c.id()));
    }

    private Cluster load(TaskInput in, ClusterStatus... expected) {
        Cluster c = steps.records().cluster(in.orgId(), in.id(ID));
        if (!List.of(expected).contains(c.status())) {
            throw new ResourceGoneException("cluster " + c.id() + " is " + Wire.name(c.status()) + " now");
        }
        return c;
    }

    private Cluster save(Cluster read, Cluster next) {
        steps.save(InfraItems.cluster(next), read.version());
        return next;
    }
}
