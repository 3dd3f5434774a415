package com.lakesail.backend.service;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.di.CoreModule;
import com.lakesail.backend.di.InfraModule;
import com.lakesail.backend.di.SessionsModule;
import com.lakesail.backend.di.WorkloadsModule;
import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.RoleSetups;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.TokenSigner;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.WorkloadRuntime;
import com.lakesail.backend.service.infra.InfraWorkflows;
import com.lakesail.backend.service.job.CallbackEndpoint;
import com.lakesail.backend.service.job.JobRunLimits;
import com.lakesail.backend.service.session.SessionLimits;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The backend's object graph over any store, with every area's routes (identity and access,
 * infrastructure, jobs, queries and sessions), exposing the access services the tests drive directly. The ports no
 * authorization test reaches (cloud, compute, workflows) fail if called.
 */
@Singleton
@Component(modules = {CoreModule.class, InfraModule.class, WorkloadsModule.class, SessionsModule.class,
        AccessGraph.UnreachedPorts.class})
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

    /** Ports an authorization test never gets to: a call to one is a test defect, and fails loudly. */
    @Module
    final class UnreachedPorts {
        private UnreachedPorts() {
        }

        @Provides
        static CloudProvider cloud() {
            return unreached(CloudProvider.class);
        }

        @Provides
        static ComputeRuntime compute() {
            return unreached(ComputeRuntime.class);
        }

        @Provides
        static WorkflowOutbox.Timing outboxTiming() {
            return new WorkflowOutbox.Timing(Duration.ofSeconds(2), Duration.ofSeconds(10), 3);
        }

        @Provides
        static RoleSetups roleSetups() {
            return unreached(RoleSetups.class);
        }

        @Provides
        static Workflows workflows() {
            return unreached(Workflows.class);
        }

        @Provides
        static Events events() {
            return unreached(Events.class);
        }

        @Provides
        static WorkloadRuntime workloads() {
            return unreached(WorkloadRuntime.class);
        }

        @Provides
        static InfraWorkflows.Polling polling() {
            return new InfraWorkflows.Polling(1);
        }

        @Provides
        static CallbackEndpoint callbackEndpoint() {
            return () -> URI.create("http://127.0.0.1:1");
        }

        @Provides
        static JobRunLimits limits() {
            return JobRunLimits.local();
        }

        @Provides
        static SessionRuntime sessions() {
            return unreached(SessionRuntime.class);
        }

        @Provides
        static TokenSigner signer() {
            return unreached(TokenSigner.class);
        }

        @Provides
        static SessionLimits sessionLimits() {
            return SessionLimits.local();
        }

        private static <T> T unreached(Class<T> port) {
            return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
                throw new AssertionError(port.getSimpleName() + "." + method.getName() + " reached in an authorization test");
            }));
        }
    }
}
