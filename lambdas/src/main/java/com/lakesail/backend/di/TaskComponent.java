package com.lakesail.backend.di;

import com.lakesail.backend.tasks.TaskDispatcher;
import dagger.Component;
import javax.inject.Singleton;

/** The workflow task function's object graph: the tasks, the store, the customer's cloud and
 * the job runs' compute (automatic retries start new runs). */
@Singleton
@Component(modules = {CoreModule.class, InfraModule.class, WorkloadsModule.class, LambdaModule.class,
        DynamoDbModule.class, CustomerCloudModule.class, StepFunctionsModule.class, AwsWorkloadsModule.class,
        EventBridgeModule.class, AwsSessionsModule.class})
public interface TaskComponent {
    TaskDispatcher tasks();
}
