package com.lakesail.backend.di;

import com.lakesail.backend.api.ApiHandler;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of the deployed backend, built once per Lambda container. */
@Singleton
@Component(modules = {CoreModule.class, AwsModule.class})
public interface LambdaComponent {
    ApiHandler api();
}
