package com.lakesail.backend.service;

import java.util.function.Supplier;

/**
 * Re-runs an access change that lost the race on its organization's snapshot (another change
 * committed between its read and its write), from a fresh read, so concurrent changes that do not
 * contradict each other (two invitees accepting at once) both succeed. Each lost race means another
 * change committed, so when fewer than {@link #ATTEMPTS} changes to one organization run at once,
 * every one of them succeeds; beyond that the 409 reaches the caller.
 */
final class StaleRetry {
    static final int ATTEMPTS = 10;

    private StaleRetry() {
    }

    static <T> T run(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (AccessSnapshots.StaleSnapshotException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    static void run(Runnable change) {
        run(() -> {
            change.run();
            return null;
        });
    }
}
