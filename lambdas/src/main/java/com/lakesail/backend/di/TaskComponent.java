package com.lakesail.backend.di;

import com.lakesail.backend.tasks.TaskDispatcher;
import dagger.Component;
import javax.inject.Singleton;

/** The workflow task function's object graph: the tasks, the store and the customer's cloud. */
@Singleton
@Component(modules = {LambdaModule.class, DynamoDbModule.class, CustomerCloudModule.class})
public interface TaskComponent {
    TaskDispatcher tasks();
}
