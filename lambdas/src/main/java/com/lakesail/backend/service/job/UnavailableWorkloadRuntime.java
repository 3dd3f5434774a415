package com.lakesail.backend.service.job;

import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.LogPage;
import com.lakesail.backend.port.RunnerSpec;
import com.lakesail.backend.port.SailSpec;
import com.lakesail.backend.port.Workload;
import com.lakesail.backend.port.WorkloadRuntime;
import java.util.List;

/**
 * A host without job compute: every run fails at its Sail stage with {@code reason} as the
 * termination message; there is never anything to read or delete.
 */
public final class UnavailableWorkloadRuntime implements WorkloadRuntime {
    private final String reason;

    public UnavailableWorkloadRuntime(String reason) {
        this.reason = reason;
    }

    @Override
    public void createSail(SailSpec spec) {
        throw new ComputeRuntimeException(reason, false, null);
    }

    @Override
    public void createRunner(RunnerSpec spec) {
        throw new ComputeRuntimeException(reason, false, null);
    }

    @Override
    public LogPage readLogs(Workload workload, String cursor) {
        return new LogPage(List.of(), cursor);
    }

    @Override
    public void delete(Workload workload) {
        // Nothing was ever created.
    }
}
