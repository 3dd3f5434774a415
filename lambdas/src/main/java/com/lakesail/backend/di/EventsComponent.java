package com.lakesail.backend.di;

import com.lakesail.backend.service.infra.ExecutionFailures;
import dagger.Component;
import javax.inject.Singleton;

/** The events function's object graph: marking failed executions' resources, over the store alone. */
@Singleton
@Component(modules = {LambdaModule.class, DynamoDbModule.class})
public interface EventsComponent {
    ExecutionFailures executionFailures();
}
