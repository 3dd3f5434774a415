package com.lakesail.backend.di;

import com.lakesail.backend.port.Ids;
import com.lakesail.backend.service.RandomIds;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** Bindings both hosts share. */
@Module(includes = RouteGroups.class)
public final class CoreModule {
    private CoreModule() {
    }

    @Provides
    @Singleton
    static Ids ids() {
        return new RandomIds();
    }
}
