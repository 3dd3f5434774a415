package com.lakesail.backend.port;

import com.lakesail.backend.domain.job.Compute;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's Sail server: the catalogs it is configured with, extra Spark settings, its sizes, and the
 * callback its watcher reports {@code sail_ready} / {@code sail_failed} to.
 *
 * @param catalogs  in the order the job version names them
 * @param sparkConf the version's {@code spark.*} settings (the platform's own are the adapter's)
 */
public record SailSpec(Workload workload, List<CatalogSpec> catalogs, Map<String, String> sparkConf, Compute compute,
                       Callback callback) {
    public SailSpec {
        Objects.requireNonNull(workload, "workload");
        catalogs = List.copyOf(catalogs);
        sparkConf = Map.copyOf(sparkConf);
        Objects.requireNonNull(compute, "compute");
        Objects.requireNonNull(callback, "callback");
    }
}
