package com.lakesail.sdk.waiter;

import java.time.Duration;

/**
 * Pauses the calling thread. Replace it in tests so waits are recorded instead of slept.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps for real with {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
