package com.lakesail.local;

import com.lakesail.backend.port.CloudProvider;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.RoleSetups;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.service.infra.InfraWorkflows;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.local.sandbox.SandboxCloud;
import com.lakesail.local.sandbox.SandboxFaults;
import com.lakesail.local.sandbox.SandboxTimings;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;

/**
 * The embedded backend's cloud and compute: the sandbox, on the backend's store and clock. Its
 * stacks settle in seconds, so the workflows poll every second, and the outbox is paced in seconds.
 */
@Module
final class LocalCloudModule {
    private LocalCloudModule() {
    }

    @Provides
    @Singleton
    static SandboxCloud sandbox(Store store, Clock clock, SandboxTimings timings, SandboxFaults faults) {
        return new SandboxCloud(store, clock, timings, faults);
    }

    @Provides
    static CloudProvider cloud(SandboxCloud sandbox) {
        return sandbox;
    }

    @Provides
    static RoleSetups roleSetups(SandboxCloud sandbox) {
        return sandbox;
    }

    @Provides
    static ComputeRuntime computeRuntime(SandboxCloud sandbox) {
        return sandbox;
    }

    @Provides
    static InfraWorkflows.Polling polling() {
        return new InfraWorkflows.Polling(1);
    }

    /**
     * The local engine tells of every ending in-process, so the reconciler's look at running
     * executions is the backstop for a process that died between an ending and its listener.
     */
    @Provides
    static WorkflowOutbox.Timing outboxTiming() {
        return new WorkflowOutbox.Timing(Duration.ofSeconds(2), Duration.ofSeconds(10), 3);
    }
}
