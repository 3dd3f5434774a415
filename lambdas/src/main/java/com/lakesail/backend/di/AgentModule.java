package com.lakesail.backend.di;

import com.lakesail.backend.agent.AgentSettings;
import com.lakesail.backend.agent.KubernetesConnector;
import com.lakesail.backend.kubernetes.FabricWorkloads;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** The agent's configuration, read when the first command needs the cluster (so a malformed one is answered without it). */
@Module
public final class AgentModule {
    private AgentModule() {
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static FabricWorkloads workloads(Clock clock) {
        AgentSettings settings = AgentSettings.from(System.getenv());
        return new FabricWorkloads(new KubernetesConnector(settings, System::getenv, clock), settings.images());
    }
}
