package com.lakesail.backend.di;

import com.lakesail.backend.api.InfraRoutes;
import com.lakesail.backend.api.RouteGroup;
import com.lakesail.backend.service.AccessSnapshots;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.infra.InfraHierarchy;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;

/**
 * The infrastructure area on either host: its routes, and an authorizer that knows which network a
 * cluster lives in (so a binding scoped to a network or cloud account covers what is built in it).
 * The host supplies the {@link com.lakesail.backend.port.CloudProvider},
 * {@link com.lakesail.backend.port.ComputeRuntime}, {@link com.lakesail.backend.port.Workflows} and
 * the polling interval.
 */
@Module
public final class InfraModule {
    private InfraModule() {
    }

    @Provides
    static Authorizer authorizer(AccessSnapshots snapshots, AuditLog audit, InfraHierarchy hierarchy) {
        return new Authorizer(snapshots, audit, hierarchy);
    }

    @Provides
    @IntoSet
    static RouteGroup infraRoutes(InfraRoutes routes) {
        return routes;
    }
}
