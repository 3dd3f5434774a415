package com.lakesail.local;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.di.CoreModule;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.service.Authenticator;
import com.lakesail.backend.service.IdentityService;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;

/** The embedded backend's object graph: the same services and router as on Lambda, local adapters. */
@Singleton
@Component(modules = CoreModule.class)
interface LocalComponent {
    ApiHandler api();

    IdentityService identity();

    Authenticator authenticator();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder store(Store store);

        @BindsInstance
        Builder clock(Clock clock);

        @BindsInstance
        Builder log(JsonLog log);

        @BindsInstance
        Builder workflows(Workflows workflows);

        LocalComponent build();
    }
}
