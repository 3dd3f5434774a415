package com.lakesail.backend.service;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.di.CoreModule;
import com.lakesail.backend.port.Store;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;

/** The backend's object graph over any store, exposing the access services the tests drive directly. */
@Singleton
@Component(modules = CoreModule.class)
interface AccessGraph {
    ApiHandler api();

    AccessSnapshots snapshots();

    Authorizer authorizer();

    static AccessGraph over(Store store, Clock clock) {
        return DaggerAccessGraph.builder().store(store).clock(clock).log(JsonLog.off()).build();
    }

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder store(Store store);

        @BindsInstance
        Builder clock(Clock clock);

        @BindsInstance
        Builder log(JsonLog log);

        AccessGraph build();
    }
}
