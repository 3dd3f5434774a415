package com.lakesail.backend.di;

import com.lakesail.backend.api.ApiHandler;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The API function's object graph, built once per container: router, services, the DynamoDB store
 * and Step Functions, nothing of the customer's cloud, no event bus (the next tasks of its runs' and
 * sessions' workflows publish the events it records) and no Scheduler (the reconciler syncs schedules). Its AWS clients are built on
 * first use.
 */
@Singleton
@Component(modules = {CoreModule.class, InfraModule.class, LambdaModule.class, DynamoDbModule.class,
        StepFunctionsModule.class, ApiModule.class, WorkloadsModule.class, AwsWorkloadsModule.class, SessionsModule.class,
        AwsSessionsModule.class, KmsModule.class})
public interface ApiComponent {
    ApiHandler api();
}
