package com.lakesail.backend.service.session;

import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.SessionSpec;
import com.lakesail.backend.port.Workload;

/**
 * A host without session compute: every session fails while starting, with {@code reason} as its
 * status reason; there is never anything to stop.
 */
public final class UnavailableSessionRuntime implements SessionRuntime {
    private final String reason;

    public UnavailableSessionRuntime(String reason) {
        this.reason = reason;
    }

    @Override
    public void start(SessionSpec spec) {
        throw new ComputeRuntimeException(reason, false, null);
    }

    @Override
    public void stop(Workload workload) {
        // Nothing was ever started.
    }
}
