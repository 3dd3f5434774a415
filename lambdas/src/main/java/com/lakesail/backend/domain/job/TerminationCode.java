package com.lakesail.backend.domain.job;

/** Why a run ended, after the Databricks termination codes, each with its {@link TerminationType}. */
public enum TerminationCode {
    SUCCESS(TerminationType.SUCCESS),
    USER_CANCELED(TerminationType.SUCCESS),
    /** A schedule's tick that started nothing: the job's concurrency policy held it back. */
    SKIPPED(TerminationType.SUCCESS),
    /** The entrypoint failed: the engine's error class and message are in the termination message. */
    RUN_EXECUTION_ERROR(TerminationType.CLIENT_ERROR),
    /** The running stage exceeded the job's {@code timeoutSeconds}. */
    TIMEOUT(TerminationType.CLIENT_ERROR),
    /** The cluster or a catalog the version names is gone or unusable. */
    RESOURCE_NOT_FOUND(TerminationType.CLIENT_ERROR),
    /** The run's Sail could not be started, or did not become ready in time. */
    CLUSTER_ERROR(TerminationType.CLOUD_FAILURE),
    /** The runner stopped reporting (no heartbeat), e.g. its process or pod died. */
    DRIVER_ERROR(TerminationType.CLOUD_FAILURE),
    /** A call to the cluster or the cloud failed. */
    CLOUD_FAILURE(TerminationType.CLOUD_FAILURE),
    INTERNAL_ERROR(TerminationType.INTERNAL_ERROR);

    private final TerminationType type;

    TerminationCode(TerminationType type) {
        this.type = type;
    }

    public TerminationType type() {
        return type;
    }
}
