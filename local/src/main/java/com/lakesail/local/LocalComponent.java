package com.lakesail.local;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.JsonLog;
import com.lakesail.backend.di.CoreModule;
import com.lakesail.backend.di.InfraModule;
import com.lakesail.backend.di.SessionsModule;
import com.lakesail.backend.di.WorkloadsModule;
import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.Schedules;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.TokenSigner;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.WorkloadRuntime;
import com.lakesail.backend.service.ExecutionEndings;
import com.lakesail.backend.service.job.CallbackEndpoint;
import com.lakesail.backend.service.job.JobRunLimits;
import com.lakesail.backend.service.job.LostCompute;
import com.lakesail.backend.service.session.SessionClosings;
import com.lakesail.backend.service.session.SessionLimits;
import com.lakesail.backend.reconciler.Reconciler;
import com.lakesail.backend.service.Authenticator;
import com.lakesail.backend.service.IdentityService;
import com.lakesail.backend.service.trigger.TriggerService;
import com.lakesail.backend.service.trigger.TriggerWindows;
import com.lakesail.backend.tasks.TaskDispatcher;
import com.lakesail.local.sandbox.SandboxFaults;
import com.lakesail.local.sandbox.SandboxTimings;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;

/** The embedded backend's object graph: the same services and router as on Lambda, local adapters. */
@Singleton
@Component(modules = {CoreModule.class, InfraModule.class, WorkloadsModule.class, SessionsModule.class, LocalCloudModule.class})
interface LocalComponent {
    ApiHandler api();

    IdentityService identity();

    Authenticator authenticator();

    /** What the template's {@code TaskFunction} runs, registered in the local engine under that name. */
    TaskDispatcher tasks();

    /** What the template's {@code EventsFunction} runs, told by the local engine of every execution's end. */
    ExecutionEndings executionEndings();

    /** What the template's {@code ReconcilerFunction} runs, at start-up and then periodically. */
    Reconciler reconciler();

    /** What the template's {@code TriggerFunction} runs: fed by the local scheduler, bus and bucket watcher. */
    TriggerService triggers();

    /** The runs S3 triggers with timing owe, started by the local scheduler's passes. */
    TriggerWindows triggerWindows();

    /** Ends runs whose compute went with a stopped or killed backend. */
    LostCompute lostCompute();

    /** Ends the sessions whose engine a previous backend left behind. */
    SessionClosings sessionClosings();

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

        @BindsInstance
        Builder sandboxTimings(SandboxTimings timings);

        @BindsInstance
        Builder sandboxFaults(SandboxFaults faults);

        /** The compute of job runs: Sail and the runner as local processes (see {@link LocalBackend.Builder#workloadRuntime}). */
        @BindsInstance
        Builder workloadRuntime(WorkloadRuntime runtime);

        /** This backend's own address, where runs report. */
        @BindsInstance
        Builder callbackEndpoint(CallbackEndpoint endpoint);

        @BindsInstance
        Builder jobRunLimits(JobRunLimits limits);

        /** The embedded bus state-change events go to. */
        @BindsInstance
        Builder events(Events events);

        /** The local scheduler the schedules of active scheduled jobs live in. */
        @BindsInstance
        Builder schedules(Schedules schedules);

        /** The engines of sessions: a Sail and a session server each, as local processes (see {@link LocalBackend.Builder#engine}). */
        @BindsInstance
        Builder sessionRuntime(SessionRuntime runtime);

        /** Signs session tokens: a key file in the data directory, or a key of the process's lifetime. */
        @BindsInstance
        Builder tokenSigner(TokenSigner signer);

        @BindsInstance
        Builder sessionLimits(SessionLimits limits);

        LocalComponent build();
    }
}
