package com.lakesail.backend.di;

import com.lakesail.backend.api.CallbackRoutes;
import com.lakesail.backend.api.EventRoutes;
import com.lakesail.backend.api.JobRoutes;
import com.lakesail.backend.api.RouteGroup;
import com.lakesail.backend.service.ResourceHierarchy;
import com.lakesail.backend.service.job.JobHierarchy;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;

/**
 * Jobs and job runs on either host: their routes, the runs' callback route, and where jobs live
 * (a binding scoped to a team covers its jobs and their runs). The host supplies the
 * {@link com.lakesail.backend.port.WorkloadRuntime}, the
 * {@link com.lakesail.backend.service.job.CallbackEndpoint} runs report to, and the
 * {@link com.lakesail.backend.service.job.JobRunLimits}.
 */
@Module
public final class WorkloadsModule {
    private WorkloadsModule() {
    }

    @Provides
    @IntoSet
    static ResourceHierarchy hierarchy(JobHierarchy hierarchy) {
        return hierarchy;
    }

    @Provides
    @IntoSet
    static RouteGroup jobRoutes(JobRoutes routes) {
        return routes;
    }

    @Provides
    @IntoSet
    static RouteGroup callbackRoutes(CallbackRoutes routes) {
        return routes;
    }

    @Provides
    @IntoSet
    static RouteGroup eventRoutes(EventRoutes routes) {
        return routes;
    }
}
