package com.lakesail.backend.aws;

import com.lakesail.backend.agent.protocol.AgentCommand;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.WorkloadTarget;

/** {@link ComputeRuntime} on a customer's EKS cluster: the bootstrap is a command to the cluster's agent. */
public final class AgentComputeRuntime implements ComputeRuntime {
    private final AgentClient agent;

    public AgentComputeRuntime(AgentClient agent) {
        this.agent = agent;
    }

    @Override
    public void bootstrap(WorkloadTarget cluster) {
        agent.send(cluster, new AgentCommand.Bootstrap());
    }
}
