package com.lakesail.backend.service;

import java.time.Instant;

/**
 * Told when a lifecycle workflow execution ended badly (failed, timed out, aborted), by the events
 * function on AWS and by the local engine's listener: the area that owns the execution's resource
 * records what no task did.
 */
@FunctionalInterface
public interface ExecutionEnded {

    /**
     * @param status    {@code FAILED}, {@code TIMED_OUT}, {@code ABORTED} (others are ignored)
     * @param stoppedAt when the execution ended, or null when unknown
     * @return true when a resource was marked
     */
    boolean executionEnded(String executionName, String status, String inputJson, String error, String cause,
                           Instant stoppedAt);
}
