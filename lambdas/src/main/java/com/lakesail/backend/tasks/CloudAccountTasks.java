package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.CloudAccountStatus;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudAccessDeniedException;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.store.InfraItems;
import java.util.Map;
import javax.inject.Inject;

/**
 * {@code CloudAccountVerify}: assume the role with the ExternalId, check its account, and record
 * {@code active}, or {@code failed} / {@code disconnected} with the reason. A disconnected account's
 * networks and clusters are marked orphaned, and unmarked once it verifies again.
 */
public final class CloudAccountTasks {
    private static final String ID = "cloudAccountId";

    private final Steps steps;
    private final CloudProvider cloud;
    private final Orphans orphans;

    @Inject
    public CloudAccountTasks(Steps steps, CloudProvider cloud, Orphans orphans) {
        this.steps = steps;
        this.cloud = cloud;
        this.orphans = orphans;
    }

    Map<String, Task> tasks() {
        return Map.of("cloudAccount.verify", this::verify, "cloudAccount.fail", this::fail);
    }

    private JsonNode verify(TaskInput in) {
        CloudAccount a = current(in);
        try {
            cloud.verifyRole(new AccountAccess(a.awsAccountId(), a.roleArn(), a.externalId()));
        } catch (CloudAccessDeniedException e) {
            record(a, a.verificationFailed(e.getMessage(), steps.now()));
            return Steps.ok();
        }
        record(a, a.verified(steps.now()));
        return Steps.ok();
    }

    private JsonNode fail(TaskInput in) {
        CloudAccount a = steps.records().cloudAccount(in.orgId(), in.id(ID));
        if (a.status() == CloudAccountStatus.VERIFYING && a.version() == in.generation()) {
            record(a, a.verificationFailed(Steps.reason(in), steps.now()));
        }
        return Steps.ok();
    }

    /**
     * Marks (or clears) the orphans before the account's own write: that write ends the task, so a
     * retry after a lost race on a network or cluster redoes the marking.
     */
    private void record(CloudAccount read, CloudAccount next) {
        orphans.mark(read.organizationId(), read.id(), next.orphansResources());
        steps.save(InfraItems.cloudAccount(next), read.version());
    }

    /** The account as this verification left it; a later PUT .../role or verify supersedes it. */
    private CloudAccount current(TaskInput in) {
        CloudAccount a = steps.records().cloudAccount(in.orgId(), in.id(ID));
        if (a.status() != CloudAccountStatus.VERIFYING || a.version() != in.generation()) {
            throw new ResourceGoneException("cloud account " + a.id() + " is " + Wire.name(a.status()) + " at version "
                    + a.version() + ", not the verification started at " + in.generation());
        }
        return a;
    }
}
