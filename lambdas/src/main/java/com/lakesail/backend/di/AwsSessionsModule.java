package com.lakesail.backend.di;

import com.lakesail.backend.service.session.SessionLimits;
import dagger.Module;
import dagger.Provides;

/**
 * Sessions on AWS: their limits. Their engines run on the customers' clusters, reached through the
 * clusters' agents: the task function's {@link CustomerCloudModule} provides their
 * {@link com.lakesail.backend.port.SessionRuntime}.
 */
@Module
public final class AwsSessionsModule {
    private AwsSessionsModule() {
    }

    @Provides
    static SessionLimits sessionLimits() {
        return SessionLimits.aws();
    }
}
