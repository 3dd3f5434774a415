package com.lakesail.backend.di;

import com.lakesail.backend.service.trigger.TriggerService;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The trigger function's object graph: schedule ticks and bus events in, runs started out (the store,
 * Step Functions for the runs' workflows, the bus for their first state change). It reaches neither
 * Scheduler nor the customer's cloud.
 */
@Singleton
@Component(modules = {CoreModule.class, LambdaModule.class, DynamoDbModule.class, StepFunctionsModule.class,
        AwsWorkloadsModule.class, EventBridgeModule.class})
public interface TriggerComponent {
    TriggerService triggers();
}
