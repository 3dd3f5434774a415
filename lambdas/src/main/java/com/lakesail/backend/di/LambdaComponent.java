package com.lakesail.backend.di;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.reconciler.Reconciler;
import com.lakesail.backend.service.infra.ExecutionFailures;
import com.lakesail.backend.tasks.TaskDispatcher;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The object graph of the deployed backend, built once per Lambda container: the API, workflow task,
 * events and reconciler functions each ask for their entry point; Dagger builds only what that needs.
 */
@Singleton
@Component(modules = {CoreModule.class, AwsModule.class, InfraModule.class})
public interface LambdaComponent {
    ApiHandler api();

    TaskDispatcher tasks();

    ExecutionFailures executionFailures();

    Reconciler reconciler();
}
