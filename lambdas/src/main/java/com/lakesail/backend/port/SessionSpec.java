package com.lakesail.backend.port;

import com.lakesail.backend.domain.job.Compute;
import java.util.List;
import java.util.Objects;

/**
 * What a session's engine is started with: the Sail's catalogs and sizes, its gate, the callback
 * its session server reports to (and takes its own gate token from), and how far the gate is
 * exposed (the cluster's access policy, DESIGN §10).
 *
 * @param catalogs in the order the session names them
 * @param exposure where clients may reach the gate from; the local engine (loopback only) ignores it
 */
public record SessionSpec(Workload workload, List<CatalogSpec> catalogs, Compute compute, GateSpec gate,
                          Callback callback, int heartbeatSeconds, Exposure exposure) {
    public SessionSpec {
        Objects.requireNonNull(workload, "workload");
        catalogs = List.copyOf(catalogs);
        Objects.requireNonNull(compute, "compute");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(callback, "callback");
        exposure = exposure == null ? Exposure.privateOnly() : exposure;
    }

    /**
     * Where the session gate may be reached from: inside the cluster's network only, or also from
     * the listed public IPv4 networks (never implicitly the whole internet).
     *
     * @param allowedCidrs empty unless {@code publicAccess}
     */
    public record Exposure(boolean publicAccess, List<String> allowedCidrs) {
        public Exposure {
            allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
            if (publicAccess == allowedCidrs.isEmpty()) {
                throw new IllegalArgumentException(publicAccess ? "public access names its allowed CIDRs"
                        : "private access takes no CIDRs");
            }
        }

        public static Exposure privateOnly() {
            return new Exposure(false, List.of());
        }
    }
}
