package com.lakesail.backend.aws;

import com.lakesail.backend.agent.protocol.AgentCommand;
import com.lakesail.backend.port.GateSpec;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.SessionSpec;
import com.lakesail.backend.port.Workload;

/**
 * {@link SessionRuntime} on a customer's EKS cluster: starting is the agent's {@code createSession}
 * (the session's Sail, the session server beside it, the gate's load balancer as the cluster's
 * access policy allows), stopping its {@code delete} of the workload (DESIGN §10). The session
 * server reports {@code session_ready} to the session's callback; nothing here waits for it. A
 * gate whose load balancer has no address yet fails retryable: the workflow retries, and the
 * command keeps what exists.
 *
 * <pre>{@code
 * SessionRuntime runtime = new AgentSessionRuntime(new AgentClient(sessions, clients));
 * }</pre>
 */
public final class AgentSessionRuntime implements SessionRuntime {
    private final AgentClient agent;

    public AgentSessionRuntime(AgentClient agent) {
        this.agent = agent;
    }

    @Override
    public void start(SessionSpec spec) {
        GateSpec gate = spec.gate();
        SessionSpec.Exposure exposure = spec.exposure();
        agent.send(spec.workload().target(), new AgentCommand.CreateSession(AgentWorkloadRuntime.ref(spec.workload()),
                AgentWorkloadRuntime.catalogs(spec.catalogs()), AgentWorkloadRuntime.compute(spec.compute()),
                AgentWorkloadRuntime.callback(spec.callback()),
                new AgentCommand.Gate(gate.issuer(), gate.audience(), gate.sessionId(), gate.jwksUrl()),
                spec.heartbeatSeconds(), new AgentCommand.Exposure(exposure.publicAccess(), exposure.allowedCidrs())));
    }

    /** A cluster without an agent never ran the session: nothing to stop. */
    @Override
    public void stop(Workload workload) {
        try {
            agent.send(workload.target(), new AgentCommand.Delete(AgentWorkloadRuntime.ref(workload)));
        } catch (AgentClient.AgentMissingException e) {
            // Nothing was ever created there.
        }
    }
}
