package com.lakesail.backend.di;

import com.lakesail.backend.api.InfraRoutes;
import com.lakesail.backend.api.RouteGroup;
import com.lakesail.backend.service.ResourceHierarchy;
import com.lakesail.backend.service.infra.InfraHierarchy;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;

/**
 * The infrastructure area on either host: its routes, and where its resources live (so a binding
 * scoped to a network or cloud account covers what is built in it). The host supplies the
 * {@link com.lakesail.backend.port.CloudProvider}, {@link com.lakesail.backend.port.ComputeRuntime},
 * {@link com.lakesail.backend.port.Workflows} and the polling interval.
 */
@Module
public final class InfraModule {
    private InfraModule() {
    }

    @Provides
    @IntoSet
    static ResourceHierarchy hierarchy(InfraHierarchy hierarchy) {
        return hierarchy;
    }

    @Provides
    @IntoSet
    static RouteGroup infraRoutes(InfraRoutes routes) {
        return routes;
    }
}
