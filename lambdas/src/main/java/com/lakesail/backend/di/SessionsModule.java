package com.lakesail.backend.di;

import com.lakesail.backend.api.QueryRoutes;
import com.lakesail.backend.api.RouteGroup;
import com.lakesail.backend.api.SessionCallbackRoutes;
import com.lakesail.backend.api.SessionRoutes;
import com.lakesail.backend.service.ResourceHierarchy;
import com.lakesail.backend.service.query.QueryHierarchy;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;

/**
 * Saved queries and sessions on either host: their routes, the session servers' callback routes,
 * the session gates' public keys, and where queries live (a binding scoped to a team covers its
 * queries). The host supplies the {@link com.lakesail.backend.port.SessionRuntime}, the
 * {@link com.lakesail.backend.port.TokenSigner} and the
 * {@link com.lakesail.backend.service.session.SessionLimits}.
 */
@Module
public final class SessionsModule {
    private SessionsModule() {
    }

    @Provides
    @IntoSet
    static ResourceHierarchy hierarchy(QueryHierarchy hierarchy) {
        return hierarchy;
    }

    @Provides
    @IntoSet
    static RouteGroup queryRoutes(QueryRoutes routes) {
        return routes;
    }

    @Provides
    @IntoSet
    static RouteGroup sessionRoutes(SessionRoutes routes) {
        return routes;
    }

    @Provides
    @IntoSet
    static RouteGroup sessionCallbackRoutes(SessionCallbackRoutes routes) {
        return routes;
    }
}
