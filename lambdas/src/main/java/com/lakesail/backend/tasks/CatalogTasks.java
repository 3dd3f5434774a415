package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogConfig;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.InfraKind;
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

/** The tasks of {@code CatalogProvision} and {@code CatalogDestroy} (managed catalogs only), and {@code catalog.fail}. */
public final class CatalogTasks {
    private static final String ID = "catalogId";

    private final Steps steps;
    private final CloudProvider cloud;

    @Inject
    public CatalogTasks(Steps steps, CloudProvider cloud) {
        this.steps = steps;
        this.cloud = cloud;
    }

    Map<String, Task> tasks() {
        return Map.of("catalog.createStack", this::createStack, "catalog.checkCreate", this::checkCreate,
                "catalog.deleteStack", this::deleteStack, "catalog.checkDelete", this::checkDelete,
                "catalog.fail", this::fail);
    }

    private JsonNode createStack(TaskInput in) {
        Catalog c = load(in, CatalogStatus.PENDING, CatalogStatus.PROVISIONING);
        if (c.status() == CatalogStatus.PENDING) {
            c = save(c, c.moveTo(CatalogStatus.PROVISIONING, Stage.CREATE_STACK, null, steps.now()));
        }
        AccountAccess access = steps.access(in.orgId(), c.cloudAccountId());
        cloud.createStack(InfraStacks.catalog(access, c, InfraStacks.token(c.id(), Stage.CREATE_STACK, in.generation())));
        if (c.stage() == Stage.CREATE_STACK) {
            save(c, c.moveTo(CatalogStatus.PROVISIONING, Stage.WAIT_FOR_CREATE, null, steps.now()));
        }
        return Steps.polled(false, 0);
    }

    private JsonNode checkCreate(TaskInput in) {
        Catalog c = load(in, CatalogStatus.PROVISIONING, CatalogStatus.ACTIVE);
        if (c.status() == CatalogStatus.ACTIVE) {
            return Steps.ok();
        }
        StackState state = describe(in, c).orElseThrow(() -> new StageFailedException("the catalog stack disappeared"));
        switch (state.status()) {
            case COMPLETE -> {
                save(c, c.provisioned(state.outputs().get(InfraStacks.OUT_WAREHOUSE), steps.now()));
                return Steps.ok();
            }
            case IN_PROGRESS -> {
                save(c, c.withProgress(Steps.progress(Stage.WAIT_FOR_CREATE, in.attempt() + 1, 95), steps.now()));
                return Steps.polled(false, in.attempt() + 1);
            }
            default -> throw new StageFailedException(state.reason() == null ? "the catalog stack failed" : state.reason());
        }
    }

    private JsonNode deleteStack(TaskInput in) {
        Catalog c = load(in, CatalogStatus.DESTROYING);
        cloud.deleteStack(InfraStacks.ref(steps.access(in.orgId(), c.cloudAccountId()), region(c), c.id()),
                InfraStacks.token(c.id(), Stage.DELETE_STACK, in.generation()));
        if (c.stage() == Stage.DELETE_STACK) {
            save(c, c.moveTo(CatalogStatus.DESTROYING, Stage.WAIT_FOR_DELETE, null, steps.now()));
        }
        return Steps.polled(false, 0);
    }

    private JsonNode checkDelete(TaskInput in) {
        Catalog c = load(in, CatalogStatus.DESTROYING, CatalogStatus.DESTROYED);
        if (c.status() == CatalogStatus.DESTROYED) {
            return Steps.ok();
        }
        Optional<StackState> state = describe(in, c);
        if (state.isPresent() && state.get().status() == StackState.Status.FAILED) {
            throw new StageFailedException(state.get().reason() == null ? "deleting the catalog stack failed" : state.get().reason());
        }
        if (state.isPresent()) {
            save(c, c.withProgress(Steps.progress(Stage.WAIT_FOR_DELETE, in.attempt() + 1, 95), steps.now()));
            return Steps.polled(false, in.attempt() + 1);
        }
        InfraRecords records = steps.records();
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(InfraItems.catalog(c.moveTo(CatalogStatus.DESTROYED, null, null, steps.now())),
                Condition.versionIs(c.version())));
        writes.add(records.releaseName(in.orgId(), InfraKind.CATALOG, c.name()));
        writes.addAll(records.releaseChild(in.orgId(), c.cloudAccountId(), c.id()));
        records.store().transact(writes);
        return Steps.ok();
    }

    private JsonNode fail(TaskInput in) {
        Catalog c = steps.records().catalog(in.orgId(), in.id(ID));
        if (c.status() == CatalogStatus.PENDING || c.status() == CatalogStatus.PROVISIONING
                || c.status() == CatalogStatus.DESTROYING) {
            save(c, c.moveTo(CatalogStatus.FAILED, null, Steps.reason(in), steps.now()));
        }
        return Steps.ok();
    }

    private Optional<StackState> describe(TaskInput in, Catalog c) {
        return cloud.describeStack(InfraStacks.ref(steps.access(in.orgId(), c.cloudAccountId()), region(c), c.id()));
    }

    private static String region(Catalog c) {
        return ((CatalogConfig.Managed) c.config()).region();
    }

    private Catalog load(TaskInput in, CatalogStatus... expected) {
        Catalog c = steps.records().catalog(in.orgId(), in.id(ID));
        if (!c.kind().provisioned() || !List.of(expected).contains(c.status())) {
            throw new ResourceGoneException("catalog " + c.id() + " is " + Wire.name(c.status()) + " now");
        }
        return c;
    }

    private Catalog save(Catalog read, Catalog next) {
        steps.save(InfraItems.catalog(next), read.version());
        return next;
    }
}
