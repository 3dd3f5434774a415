package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Lifecycle;
import java.time.Instant;

/**
 * Where the tables of a workload live. Bring-your-own kinds are {@code active} from creation; a
 * managed catalog is provisioned in {@code cloudAccountId} and records its warehouse location.
 *
 * @param cloudAccountId the account a managed catalog lives in, null for bring-your-own
 * @param warehouse      a managed catalog's S3 location once provisioned, else null
 */
public record Catalog(String id, String organizationId, String name, CatalogKind kind, CatalogConfig config,
                      String cloudAccountId, String warehouse, CatalogStatus status, String statusReason, Stage stage,
                      int progress, Instant createdAt, Instant updatedAt, long version) {
    public static final String ID_PREFIX = "cat";

    public static Catalog create(String id, String organizationId, CatalogDefinition d, Instant at) {
        CatalogStatus initial = CatalogStatus.initial(d.kind());
        return new Catalog(id, organizationId, d.name(), d.kind(), d.config(), d.cloudAccountId(), null, initial, null,
                null, initial == CatalogStatus.ACTIVE ? 100 : 0, at, at, 1);
    }

    public Lifecycle<CatalogStatus> lifecycle() {
        return CatalogStatus.lifecycle(kind);
    }

    /** Like {@link Network#moveTo}, under this kind's lifecycle. */
    public Catalog moveTo(CatalogStatus to, Stage nextStage, String reason, Instant at) {
        if (to != status) {
            lifecycle().check(status, to);
        }
        int nextProgress = Progress.of(to == CatalogStatus.FAILED, to == CatalogStatus.ACTIVE
                || lifecycle().isTerminal(to), nextStage, progress);
        Stage recorded = to == CatalogStatus.FAILED && nextStage == null ? stage : nextStage;
        return new Catalog(id, organizationId, name, kind, config, cloudAccountId, warehouse, to, reason, recorded,
                nextProgress, createdAt, at, version + 1);
    }

    /** The same stage, further along (a poll saw the stack still working); progress never goes back. */
    public Catalog withProgress(int value, Instant at) {
        return new Catalog(id, organizationId, name, kind, config, cloudAccountId, warehouse, status, statusReason, stage,
                Math.max(progress, Math.min(99, value)), createdAt, at, version + 1);
    }

    /** A managed catalog's stack is complete: records where its tables go and becomes {@code active}. */
    public Catalog provisioned(String warehouseLocation, Instant at) {
        lifecycle().check(status, CatalogStatus.ACTIVE);
        return new Catalog(id, organizationId, name, kind, config, cloudAccountId, warehouseLocation,
                CatalogStatus.ACTIVE, null, null, 100, createdAt, at, version + 1);
    }
}
