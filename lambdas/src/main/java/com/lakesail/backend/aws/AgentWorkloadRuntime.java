package com.lakesail.backend.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.agent.protocol.AgentCommand;
import com.lakesail.backend.agent.protocol.AgentProtocol;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.port.CatalogSpec;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.LogPage;
import com.lakesail.backend.port.RunnerSpec;
import com.lakesail.backend.port.SailSpec;
import com.lakesail.backend.port.Workload;
import com.lakesail.backend.port.WorkloadRuntime;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@link WorkloadRuntime} on a customer's EKS cluster: every call is one command to the cluster's
 * in-VPC agent ({@link AgentClient}), which does the Kubernetes work (DESIGN §10). The Sail's
 * watcher reports readiness to the run's callback; nothing here waits for it.
 *
 * <pre>{@code
 * WorkloadRuntime runtime = new AgentWorkloadRuntime(new AgentClient(sessions, clients), 780);
 * }</pre>
 */
public final class AgentWorkloadRuntime implements WorkloadRuntime {
    private final AgentClient agent;
    private final int readyTimeoutSeconds;

    /** @param readyTimeoutSeconds how long the Sail's watcher waits before it reports {@code sail_failed} */
    public AgentWorkloadRuntime(AgentClient agent, int readyTimeoutSeconds) {
        this.agent = agent;
        this.readyTimeoutSeconds = readyTimeoutSeconds;
    }

    @Override
    public void createSail(SailSpec spec) {
        agent.send(spec.workload().target(), new AgentCommand.CreateSail(ref(spec.workload()), catalogs(spec.catalogs()),
                spec.sparkConf(), compute(spec.compute()), callback(spec.callback()), readyTimeoutSeconds));
    }

    @Override
    public void createRunner(RunnerSpec spec) {
        JsonNode runSpec;
        try {
            runSpec = AgentProtocol.json().readTree(spec.runSpecJson());
        } catch (IOException e) {
            throw new ComputeRuntimeException("the run spec is not JSON", false, e);
        }
        if (!runSpec.isObject()) {
            throw new ComputeRuntimeException("the run spec is not a JSON object", false, null);
        }
        agent.send(spec.workload().target(), new AgentCommand.CreateRunner(ref(spec.workload()), spec.sparkRemote(),
                callback(spec.callback()), (ObjectNode) runSpec));
    }

    /** A cluster without an agent never ran the workload: nothing to read. */
    @Override
    public LogPage readLogs(Workload workload, String cursor) {
        AgentCommand.LogLines page;
        try {
            page = result(agent.send(workload.target(), new AgentCommand.ReadLogs(ref(workload), cursor)),
                    AgentCommand.LogLines.class);
        } catch (AgentClient.AgentMissingException e) {
            return new LogPage(List.of(), cursor);
        }
        return new LogPage(page.lines().stream().map(l -> new LogPage.Line(l.stream(), l.text())).toList(), page.nextCursor());
    }

    /** A cluster without an agent never ran the workload: nothing to delete. */
    @Override
    public void delete(Workload workload) {
        try {
            agent.send(workload.target(), new AgentCommand.Delete(ref(workload)));
        } catch (AgentClient.AgentMissingException e) {
            // Nothing was ever created there.
        }
    }

    @Override
    public Optional<String> sailProblem(Workload workload) {
        AgentCommand.SailState state = result(agent.send(workload.target(), new AgentCommand.SailStatus(ref(workload))),
                AgentCommand.SailState.class);
        return state.state() == AgentCommand.SailState.State.STARTING || state.state() == AgentCommand.SailState.State.FAILING
                ? Optional.ofNullable(state.detail()) : Optional.empty();
    }

    static AgentCommand.WorkloadRef ref(Workload workload) {
        return new AgentCommand.WorkloadRef(workload.organizationId(), workload.id());
    }

    static List<AgentCommand.Catalog> catalogs(List<CatalogSpec> catalogs) {
        return catalogs.stream().map(k -> new AgentCommand.Catalog(k.name(), Wire.name(k.kind()), k.config())).toList();
    }

    static AgentCommand.Compute compute(Compute c) {
        return new AgentCommand.Compute(new AgentCommand.Size(c.driver().cpu(), c.driver().memoryGiB()),
                new AgentCommand.Size(c.worker().cpu(), c.worker().memoryGiB()), c.maxWorkers());
    }

    static AgentCommand.Callback callback(com.lakesail.backend.port.Callback callback) {
        return new AgentCommand.Callback(callback.url(), callback.token());
    }

    private static <T> T result(JsonNode result, Class<T> type) {
        try {
            return AgentProtocol.json().treeToValue(result, type);
        } catch (IOException e) {
            throw new ComputeRuntimeException("the agent's answer is not a " + type.getSimpleName() + ": " + e.getMessage(),
                    false, e);
        }
    }
}
