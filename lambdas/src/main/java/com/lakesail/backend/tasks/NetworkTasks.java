package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.StackState;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.store.InfraItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The tasks of {@code NetworkProvision} (createStack, checkCreate) and {@code NetworkDestroy}
 * (deleteStack, checkDelete), and {@code network.fail} for both.
 */
public final class NetworkTasks {
    private static final String ID = "networkId";

    private final Steps steps;
    private final CloudProvider cloud;

    @Inject
    public NetworkTasks(Steps steps, CloudProvider cloud) {
        this.steps = steps;
        this.cloud = cloud;
    }

    Map<String, Task> tasks() {
        return Map.of("network.createStack", this::createStack, "network.checkCreate", this::checkCreate,
                "network.deleteStack", this::deleteStack, "network.checkDelete", this::checkDelete,
                "network.fail", this::fail);
    }

    private JsonNode createStack(TaskInput in) {
        Network n = load(in, NetworkStatus.PENDING, NetworkStatus.PROVISIONING);
        if (n.status() == NetworkStatus.PENDING) {
            n = save(n, n.moveTo(NetworkStatus.PROVISIONING, Stage.CREATE_STACK, null, steps.now()));
        }
        AccountAccess access = steps.access(in.orgId(), n.cloudAccountId());
        cloud.createStack(InfraStacks.network(access, n, InfraStacks.token(n.id(), Stage.CREATE_STACK, in.generation())));
        if (n.stage() == Stage.CREATE_STACK) {
            save(n, n.moveTo(NetworkStatus.PROVISIONING, Stage.WAIT_FOR_CREATE, null, steps.now()));
        }
        return Steps.polled(false, 0);
    }

    private JsonNode checkCreate(TaskInput in) {
        Network n = load(in, NetworkStatus.PROVISIONING, NetworkStatus.ACTIVE);
        if (n.status() == NetworkStatus.ACTIVE) {
            return Steps.ok();
        }
        StackState state = describe(in, n).orElseThrow(() -> new StageFailedException("the VPC stack disappeared"));
        switch (state.status()) {
            case COMPLETE -> {
                save(n, n.provisioned(state.outputs().get(InfraStacks.OUT_VPC_ID), InfraStacks.subnetIds(n, state.outputs()),
                        steps.now()));
                return Steps.ok();
            }
            case IN_PROGRESS -> {
                save(n, n.withProgress(Steps.progress(Stage.WAIT_FOR_CREATE, in.attempt() + 1, 95), steps.now()));
                return Steps.polled(false, in.attempt() + 1);
            }
            default -> throw new StageFailedException(state.reason() == null ? "the VPC stack failed" : state.reason());
        }
    }

    private JsonNode deleteStack(TaskInput in) {
        Network n = load(in, NetworkStatus.DESTROYING);
        AccountAccess access = steps.access(in.orgId(), n.cloudAccountId());
        cloud.deleteStack(InfraStacks.ref(access, n.region(), n.id()),
                InfraStacks.token(n.id(), Stage.DELETE_STACK, in.generation()));
        if (n.stage() == Stage.DELETE_STACK) {
            save(n, n.moveTo(NetworkStatus.DESTROYING, Stage.WAIT_FOR_DELETE, null, steps.now()));
        }
        return Steps.polled(false, 0);
    }

    /** Once the stack is gone: destroyed, and its CIDR, its place in the account and its name are free. */
    private JsonNode checkDelete(TaskInput in) {
        Network n = load(in, NetworkStatus.DESTROYING, NetworkStatus.DESTROYED);
        if (n.status() == NetworkStatus.DESTROYED) {
            return Steps.ok();
        }
        Optional<StackState> state = describe(in, n);
        if (state.isPresent() && state.get().status() == StackState.Status.FAILED) {
            throw new StageFailedException(state.get().reason() == null ? "deleting the VPC stack failed" : state.get().reason());
        }
        if (state.isPresent()) {
            save(n, n.withProgress(Steps.progress(Stage.WAIT_FOR_DELETE, in.attempt() + 1, 95), steps.now()));
            return Steps.polled(false, in.attempt() + 1);
        }
        InfraRecords records = steps.records();
        Network destroyed = n.moveTo(NetworkStatus.DESTROYED, null, null, steps.now());
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(InfraItems.network(destroyed), Condition.versionIs(n.version())));
        writes.add(records.releaseName(in.orgId(), InfraKind.NETWORK, n.name()));
        writes.addAll(records.releaseCidr(in.orgId(), n.cloudAccountId(), n.region(), n.id()));
        writes.addAll(records.releaseChild(in.orgId(), n.cloudAccountId(), n.id()));
        records.store().transact(writes);
        return Steps.ok();
    }

    private JsonNode fail(TaskInput in) {
        Network n = steps.records().network(in.orgId(), in.id(ID));
        if (n.status() == NetworkStatus.PENDING || n.status() == NetworkStatus.PROVISIONING
                || n.status() == NetworkStatus.DESTROYING) {
            save(n, n.moveTo(NetworkStatus.FAILED, null, Steps.reason(in), steps.now()));
        }
        return Steps.ok();
    }

    private Optional<StackState> describe(TaskInput in, Network n) {
        return cloud.describeStack(InfraStacks.ref(steps.access(in.orgId(), n.cloudAccountId()), n.region(), n.id()));
    }

    private Network load(TaskInput in, NetworkStatus... expected) {
        Network n = steps.records().network(in.orgId(), in.id(ID));
        if (!List.of(expected).contains(n.status())) {
            throw new ResourceGoneException("network " + n.id() + " is " + Wire.name(n.status()) + " now");
        }
        return n;
    }

    private Network save(Network read, Network next) {
        steps.save(InfraItems.network(next), read.version());
        return next;
    }
}
