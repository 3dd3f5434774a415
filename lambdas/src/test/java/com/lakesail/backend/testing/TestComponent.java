package com.lakesail.backend.testing;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.di.CoreModule;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.service.Authenticator;
import com.lakesail.backend.service.IdentityService;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The API's object graph over any store, wired by Dagger from the same module as both hosts, so unit
 * tests follow the services' constructors as they change.
 *
 * <pre>{@code
 * TestComponent graph = TestComponent.over(new InMemoryStore(), clock);
 * ApiResponse response = graph.api().handle(request);
 * }</pre>
 */
@Singleton
@Component(modules = CoreModule.class)
public interface TestComponent {
    ApiHandler api();

    IdentityService identity();

    Authenticator authenticator();

    static TestComponent over(Store store, Clock clock, JsonLog log) {
        return DaggerTestComponent.builder().store(store).clock(clock).log(log).build();
    }

    static TestComponent over(Store store, Clock clock) {
        return over(store, clock, JsonLog.off());
    }

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder store(Store store);

        @BindsInstance
        Builder clock(Clock clock);

        @BindsInstance
        Builder log(JsonLog log);

        TestComponent build();
    }
}
