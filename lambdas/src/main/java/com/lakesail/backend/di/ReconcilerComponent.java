package com.lakesail.backend.di;

import com.lakesail.backend.reconciler.Reconciler;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The reconciler function's object graph: the outbox over the store, Step Functions to start and
 * describe executions, and what settles a resource whose execution ended unrecorded.
 */
@Singleton
@Component(modules = {CoreModule.class, LambdaModule.class, DynamoDbModule.class, StepFunctionsModule.class,
        AwsWorkloadsModule.class, EventBridgeModule.class, SchedulerModule.class, AwsSessionsModule.class})
public interface ReconcilerComponent {
    Reconciler reconciler();
}
