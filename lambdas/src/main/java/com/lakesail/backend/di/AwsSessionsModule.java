package com.lakesail.backend.di;

import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.service.session.SessionLimits;
import com.lakesail.backend.service.session.UnavailableSessionRuntime;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * Sessions on AWS: their limits and the compute they run on.
 *
 * <p>A session's engine on EKS (its Sail Deployment, the gate in front of it and the session server
 * beside it) is reached through the in-VPC agent, which is not in this build yet: a session fails
 * while starting, saying so, exactly as job runs did before their compute was wired.
 */
@Module
public final class AwsSessionsModule {
    private AwsSessionsModule() {
    }

    @Provides
    @Singleton
    static SessionRuntime sessionRuntime() {
        return new UnavailableSessionRuntime("running sessions on EKS clusters is not available in this build yet");
    }

    @Provides
    static SessionLimits sessionLimits() {
        return SessionLimits.aws();
    }
}
