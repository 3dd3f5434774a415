package com.lakesail.sdk.infrastructure;

/**
 * Who can reach a cluster's Kubernetes API: only its network ({@code private}), or also the
 * listed public addresses ({@code public}). See {@link AccessPolicy}.
 *
 * <pre>{@code
 * boolean reachable = cluster.accessPolicy().mode() == AccessMode.PUBLIC;
 * }</pre>
 */
public enum AccessMode {
    PRIVATE,
    PUBLIC,
    /** A mode this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION
}
