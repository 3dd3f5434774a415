package com.lakesail.sdk.jobs;

/**
 * Why a run ended, after the Databricks termination codes (on the wire in lower snake case,
 * {@code run_execution_error}).
 */
public enum TerminationCode {
    SUCCESS,
    USER_CANCELED,
    /** The entrypoint failed; the message is the engine's. */
    RUN_EXECUTION_ERROR,
    /** The run exceeded the job's {@code timeoutSeconds}. */
    TIMEOUT,
    /** The cluster or a catalog the version names is gone or not active. */
    RESOURCE_NOT_FOUND,
    /** The run's Sail could not start, or did not become ready in time. */
    CLUSTER_ERROR,
    /** The runner stopped reporting. */
    DRIVER_ERROR,
    CLOUD_FAILURE,
    INTERNAL_ERROR,
    SKIPPED,
    /** A code this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
