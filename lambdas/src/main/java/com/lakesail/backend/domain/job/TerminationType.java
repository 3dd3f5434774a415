package com.lakesail.backend.domain.job;

/** Whose doing a run's end was, after the Databricks pattern. */
public enum TerminationType {
    /** The run ended as asked: it succeeded, or a user cancelled it. */
    SUCCESS,
    /** The job's own input or configuration: its SQL failed, it ran past its timeout. */
    CLIENT_ERROR,
    /** The cluster or the cloud: Sail could not start, the runner was lost. */
    CLOUD_FAILURE,
    /** LakeSail itself. */
    INTERNAL_ERROR
}
