package com.lakesail.backend.di;

import com.lakesail.backend.agent.AgentDispatcher;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The cluster agent's object graph (a function in the customer's account, not of template.yaml):
 * its settings from the environment, and Fabric8 on its cluster. No store, no workflows, no AWS client.
 */
@Singleton
@Component(modules = AgentModule.class)
public interface AgentComponent {
    AgentDispatcher dispatcher();
}
