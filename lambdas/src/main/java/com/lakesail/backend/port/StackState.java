package com.lakesail.backend.port;

import java.util.Map;
import java.util.Objects;

/**
 * A stack as the wait stages see it: still moving, settled well, settled badly, or gone.
 *
 * @param reason  why it failed, in words a user can act on; null unless {@link Status#FAILED}
 * @param outputs the stack's outputs (e.g. {@code VpcId}); empty until complete
 */
public record StackState(String stackId, Status status, String reason, Map<String, String> outputs) {
    public StackState {
        Objects.requireNonNull(stackId, "stackId");
        Objects.requireNonNull(status, "status");
        outputs = Map.copyOf(outputs);
    }

    public enum Status {
        /** Creating, updating, rolling back or deleting: ask again later. */
        IN_PROGRESS,
        /** The last create or update succeeded. */
        COMPLETE,
        /** The last operation failed, whether or not a rollback has cleaned up. */
        FAILED,
        /** Deleted. */
        DELETED
    }
}
