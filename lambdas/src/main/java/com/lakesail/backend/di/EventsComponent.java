package com.lakesail.backend.di;

import com.lakesail.backend.service.ExecutionEndings;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The events function's object graph: marks the resources of executions that ended badly failed, and
 * ends (with a cleanup execution) job runs whose execution died.
 */
@Singleton
@Component(modules = {CoreModule.class, LambdaModule.class, DynamoDbModule.class, StepFunctionsModule.class,
        AwsWorkloadsModule.class, EventBridgeModule.class, AwsSessionsModule.class})
public interface EventsComponent {
    ExecutionEndings executionEndings();
}
