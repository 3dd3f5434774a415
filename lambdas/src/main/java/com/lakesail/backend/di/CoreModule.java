package com.lakesail.backend.di;

import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Schedules;
import com.lakesail.backend.service.AccessSnapshots;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.RandomIds;
import com.lakesail.backend.service.ResourceHierarchy;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import java.util.Set;
import javax.inject.Singleton;

/** Bindings both hosts share. */
@Module(includes = {RouteGroups.class, CoreModule.Hierarchies.class})
public final class CoreModule {
    private CoreModule() {
    }

    @Provides
    @Singleton
    static Ids ids() {
        return new RandomIds();
    }

    /**
     * An authorizer that knows where every resource lives: each area a host's graph includes
     * contributes its hierarchy (infrastructure: account → network → cluster; jobs: team → job → run).
     */
    @Provides
    static Authorizer authorizer(AccessSnapshots snapshots, AuditLog audit, Set<ResourceHierarchy> hierarchies) {
        return new Authorizer(snapshots, audit, ResourceHierarchy.of(hierarchies));
    }

    /** Declares the set of resource hierarchies, empty unless an area's module contributes one. */
    @Module
    interface Hierarchies {
        @Multibinds
        Set<ResourceHierarchy> hierarchies();

        /** Where job schedules live, on the hosts that write them (the reconciler, the local backend); absent in the API. */
        @BindsOptionalOf
        Schedules schedules();

        /**
         * The bus state-change events go to, on the hosts that publish them (every function but the API,
         * the local backend); the API leaves its events queued for its runs' next task.
         */
        @BindsOptionalOf
        Events events();
    }
}
