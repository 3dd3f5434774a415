package com.lakesail.backend.service.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.CloudAccountStatus;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.service.ExecutionEnded;
import com.lakesail.backend.store.InfraItems;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * Marks a resource {@code failed} when its workflow execution ended badly (failed, timed out,
 * aborted) and no task recorded it: the resource is still in the transient status of that very
 * operation. The operation is read from the deterministic execution name ({@code <id>-<operation>-<generation>}),
 * and a resource changed after the execution stopped is left alone, so a late or repeated event for an
 * old execution cannot fail a resource a newer operation of the same kind has taken over. The
 * {@code Reconciler} calls it too, for an ending nothing reported (a lost event, a process that died
 * before its listener ran) and for a workflow that could not be started at all: the resource must
 * not wait forever for it.
 *
 * <pre>{@code
 * failures.executionEnded("clu_...-provision-1", "TIMED_OUT", "{\"orgId\":...,\"clusterId\":...}", "States.Timeout", null, stoppedAt);
 * }</pre>
 */
public final class ExecutionFailures implements ExecutionEnded {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BAD_ENDINGS = Set.of("FAILED", "TIMED_OUT", "ABORTED");

    private final InfraRecords records;
    private final Clock clock;

    @Inject
    public ExecutionFailures(InfraRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * @param stoppedAt when the execution ended, or null when unknown: a resource changed after it
     *                  belongs to a newer operation, which a late (or repeated) event must not fail
     * @return true when this call marked a resource failed
     */
    @Override
    public boolean executionEnded(String executionName, String status, String inputJson, String error, String cause,
                                  Instant stoppedAt) {
        if (!BAD_ENDINGS.contains(status) || executionName == null || inputJson == null) {
            return false;
        }
        JsonNode input;
        try {
            input = JSON.readTree(inputJson);
        } catch (IOException e) {
            return false;
        }
        String orgId = input.path("orgId").asText(null);
        String[] parts = executionName.split("-");
        if (orgId == null || parts.length < 3) {
            return false;
        }
        String operation = parts[parts.length - 2];
        String reason = "the " + operation + " workflow ended " + status.toLowerCase(Locale.ROOT).replace('_', ' ')
                // Colons, not parentheses: a cause may carry parentheses of its own, and nested ones read badly.
                + (error == null ? "" : ": " + error + (cause == null || cause.isBlank() ? "" : ": " + cause));
        if (input.hasNonNull("clusterId")) {
            return cluster(orgId, input.get("clusterId").asText(), operation, reason, stoppedAt);
        } else if (input.hasNonNull("networkId")) {
            return network(orgId, input.get("networkId").asText(), operation, reason, stoppedAt);
        } else if (input.hasNonNull("catalogId")) {
            return catalog(orgId, input.get("catalogId").asText(), operation, reason, stoppedAt);
        } else if (input.hasNonNull("cloudAccountId")) {
            return cloudAccount(orgId, input.get("cloudAccountId").asText(), input.path("generation").asLong(), reason);
        }
        return false;
    }

    private boolean cluster(String orgId, String id, String operation, String reason, Instant stoppedAt) {
        Optional<Cluster> found = records.findCluster(orgId, id);
        if (found.isEmpty() || !transientFor(operation, found.get().status() == ClusterStatus.PENDING
                || found.get().status() == ClusterStatus.PROVISIONING, found.get().status() == ClusterStatus.UPDATING,
                found.get().status() == ClusterStatus.DESTROYING)) {
            return false;
        }
        Cluster c = found.get();
        if (changedSince(c.updatedAt(), stoppedAt)) {
            return false;
        }
        records.store().put(InfraItems.cluster(c.moveTo(ClusterStatus.FAILED, null, reason, clock.instant())),
                Condition.versionIs(c.version()));
        return true;
    }

    private boolean network(String orgId, String id, String operation, String reason, Instant stoppedAt) {
        Optional<Network> found = records.findNetwork(orgId, id);
        if (found.isEmpty() || !transientFor(operation, found.get().status() == NetworkStatus.PENDING
                || found.get().status() == NetworkStatus.PROVISIONING, false, found.get().status() == NetworkStatus.DESTROYING)) {
            return false;
        }
        Network n = found.get();
        if (changedSince(n.updatedAt(), stoppedAt)) {
            return false;
        }
        records.store().put(InfraItems.network(n.moveTo(NetworkStatus.FAILED, null, reason, clock.instant())),
                Condition.versionIs(n.version()));
        return true;
    }

    private boolean catalog(String orgId, String id, String operation, String reason, Instant stoppedAt) {
        Optional<Catalog> found = records.findCatalog(orgId, id);
        if (found.isEmpty() || !found.get().kind().provisioned() || !transientFor(operation,
                found.get().status() == CatalogStatus.PENDING || found.get().status() == CatalogStatus.PROVISIONING,
                false, found.get().status() == CatalogStatus.DESTROYING)) {
            return false;
        }
        Catalog c = found.get();
        if (changedSince(c.updatedAt(), stoppedAt)) {
            return false;
        }
        records.store().put(InfraItems.catalog(c.moveTo(CatalogStatus.FAILED, null, reason, clock.instant())),
                Condition.versionIs(c.version()));
        return true;
    }

    /** A verification is identified by the version it started at: a newer one supersedes it. */
    private boolean cloudAccount(String orgId, String id, long generation, String reason) {
        Optional<CloudAccount> found = records.findCloudAccount(orgId, id);
        if (found.isEmpty() || found.get().status() != CloudAccountStatus.VERIFYING || found.get().version() != generation) {
            return false;
        }
        CloudAccount a = found.get();
        records.store().put(InfraItems.cloudAccount(a.verificationFailed(reason, clock.instant())),
                Condition.versionIs(a.version()));
        return true;
    }

    /** True when the resource moved after the execution ended: a newer operation owns it now. */
    private static boolean changedSince(Instant updatedAt, Instant stoppedAt) {
        return stoppedAt != null && updatedAt.isAfter(stoppedAt);
    }

    private static boolean transientFor(String operation, boolean provisioning, boolean updating, boolean destroying) {
        return switch (operation) {
            case "provision" -> provisioning;
            case "update" -> updating;
            case "destroy" -> destroying;
            default -> false;
        };
    }
}
