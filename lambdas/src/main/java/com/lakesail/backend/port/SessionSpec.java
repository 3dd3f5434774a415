package com.lakesail.backend.port;

import com.lakesail.backend.domain.job.Compute;
import java.util.List;
import java.util.Objects;

/**
 * What a session's engine is started with: the Sail's catalogs and sizes, its gate, and the callback
 * its session server reports to (and takes its own gate token from).
 *
 * @param catalogs in the order the session names them
 */
public record SessionSpec(Workload workload, List<CatalogSpec> catalogs, Compute compute, GateSpec gate,
                          Callback callback, int heartbeatSeconds) {
    public SessionSpec {
        Objects.requireNonNull(workload, "workload");
        catalogs = List.copyOf(catalogs);
        Objects.requireNonNull(compute, "compute");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(callback, "callback");
    }
}
